using Skyforge.Crds.Generation;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.Cli;

/// <summary>`skyforge generate-crds DIR`: writes one CRD file per kind.</summary>
internal static class GenerateCrdsCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count != 1)
        {
            stderr.WriteLine("usage: skyforge generate-crds DIR");
            return ExitCodes.Usage;
        }
        var directory = args[0];
        Directory.CreateDirectory(directory);
        foreach (var (fileName, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            var path = Path.Combine(directory, fileName);
            File.WriteAllText(path, CrdFiles.Render(crd));
            stdout.WriteLine($"wrote {path}");
        }
        return ExitCodes.Success;
    }
}
