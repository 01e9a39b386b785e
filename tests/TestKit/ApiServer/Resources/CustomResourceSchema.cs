using System.Text.Json.Nodes;
using Skyforge.Crds.Schema;

namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>The openAPIV3Schema of one CRD version: the raw document (for list semantics) and its validator.</summary>
internal sealed class CustomResourceSchema
{
    private readonly StructuralSchema _schema;

    private CustomResourceSchema(JsonObject raw, StructuralSchema schema)
    {
        Raw = raw;
        _schema = schema;
    }

    public JsonObject Raw { get; }

    /// <exception cref="SchemaDefinitionException">The schema is not structural or uses unsupported features.</exception>
    public static CustomResourceSchema Parse(JsonObject raw) =>
        new((JsonObject)raw.DeepClone(), StructuralSchema.Parse(raw.DeepClone()));

    /// <summary>Prunes unknown fields and applies defaults in place, then returns the validation errors.</summary>
    public IReadOnlyList<FieldError> PruneDefaultAndValidate(JsonObject obj, JsonObject? old) =>
        _schema.Validate(obj, old, new SchemaValidationOptions(UnknownFieldHandling.Prune));
}
