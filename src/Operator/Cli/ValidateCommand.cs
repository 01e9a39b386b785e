using Skyforge.Operator.Manifests;

namespace Skyforge.Operator.Cli;

/// <summary>`skyforge validate FILE...`: every problem with its field path; exit 2 when there is any.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine("usage: skyforge validate FILE...");
            return ExitCodes.Usage;
        }
        var (manifests, problems) = ManifestFiles.Load(args);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }
        if (problems.Count > 0)
        {
            return ExitCodes.Invalid;
        }
        foreach (var manifest in manifests)
        {
            stdout.WriteLine($"{manifest.Kind}/{manifest.Json["metadata"]?["name"]}: valid");
        }
        return ExitCodes.Success;
    }
}
