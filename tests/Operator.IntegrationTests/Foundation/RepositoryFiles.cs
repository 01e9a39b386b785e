using System.Reflection;

namespace Skyforge.Operator.IntegrationTests.Foundation;

/// <summary>Files of the repository (CRDs, samples), located through the root recorded at build time.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Crds => Path.Combine(Root, "config", "crd");

    public static string Samples => Path.Combine(Root, "config", "samples");
}
