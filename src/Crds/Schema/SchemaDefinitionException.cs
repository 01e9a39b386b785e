namespace Skyforge.Crds.Schema;

/// <summary>
/// Thrown by <see cref="StructuralSchema.Parse"/> when a CRD schema is not structural, uses a keyword the
/// API server forbids, or holds a validation rule outside the supported CEL subset.
/// </summary>
public sealed class SchemaDefinitionException : Exception
{
    public SchemaDefinitionException(string schemaPath, string detail)
        : base($"{schemaPath}: {detail}")
    {
        SchemaPath = schemaPath;
        Detail = detail;
    }

    public SchemaDefinitionException(string schemaPath, string detail, Exception innerException)
        : base($"{schemaPath}: {detail}", innerException)
    {
        SchemaPath = schemaPath;
        Detail = detail;
    }

    /// <summary>Location inside the schema, e.g. <c>openAPIV3Schema.properties[spec].properties[replicas].type</c>.</summary>
    public string SchemaPath { get; }

    /// <summary>What is wrong at <see cref="SchemaPath"/>.</summary>
    public string Detail { get; }
}
