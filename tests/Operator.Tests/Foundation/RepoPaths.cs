using System.Reflection;

namespace Skyforge.Operator.Tests.Foundation;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "config", "samples");

    public static string Crds => Path.Combine(Root, "config", "crd");

    public static string Sample(string name) => Path.Combine(Samples, name + ".yaml");

    private static string FindRoot()
    {
        var root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return root is not null && File.Exists(Path.Combine(root, "Operator.sln"))
            ? root
            : throw new DirectoryNotFoundException($"the repository root recorded at build time ({root}) holds no Operator.sln");
    }
}
