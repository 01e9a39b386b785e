using System.Reflection;

namespace Skyforge.Operator.Tests.Architecture;

/// <summary>Dependencies point down only: the thin clients know no Skyforge kind, the runtime knows no AWS.</summary>
public sealed class LayeringTests
{
    [Theory]
    [InlineData("Skyforge.Crds", new string[0])]
    [InlineData("Skyforge.Kubernetes", new string[0])]
    [InlineData("Skyforge.Aws", new string[0])]
    [InlineData("Skyforge.Runtime", new[] { "Skyforge.Kubernetes" })]
    public void A_layer_references_only_the_layers_below_it(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Skyforge.", StringComparison.Ordinal) || name == "skyforge")
            .Order()
            .ToList();
        Assert.Equal(allowed.Order(), references);
    }
}
