using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Manifests;
using Skyforge.Operator.Rendering;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Cli;

/// <summary>`skyforge render FILE...`: what the operator would create, with no cluster and no AWS account.</summary>
internal static class RenderCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, new RandomSecretSource());

    /// <summary>Renders with a given secret source, so tests can see which values had to be redacted.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, RandomSecretSource secrets)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine("usage: skyforge render FILE...");
            return ExitCodes.Usage;
        }
        var (manifests, problems) = ManifestFiles.Load(args);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }
            return ExitCodes.Invalid;
        }
        var documents = Renderer.Render(manifests, BuildContext.Default, secrets);
        foreach (var document in documents)
        {
            Redactor.Redact(document, secrets.Issued);
        }
        stdout.Write(YamlDocuments.Write(documents));
        return ExitCodes.Success;
    }
}
