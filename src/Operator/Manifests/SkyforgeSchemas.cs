using Skyforge.Crds.Generation;
using Skyforge.Crds.Schema;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Manifests;

/// <summary>The structural schema of each Skyforge kind, compiled once from the generated CRDs.</summary>
public static class SkyforgeSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, StructuralSchema>> ByKind = new(Compile);

    public static StructuralSchema? For(string kind) => ByKind.Value.GetValueOrDefault(kind);

    public static IEnumerable<string> Kinds => ByKind.Value.Keys;

    private static IReadOnlyDictionary<string, StructuralSchema> Compile()
    {
        var schemas = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        foreach (var (_, crd) in CrdGenerator.ForValidation().GenerateAll())
        {
            var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
            var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
            schemas[kind] = StructuralSchema.Parse(schema);
        }
        return schemas;
    }

    public static bool IsSkyforgeApiVersion(string? apiVersion) => apiVersion == Group.ApiVersion;
}
