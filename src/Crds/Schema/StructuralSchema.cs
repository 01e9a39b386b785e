using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// A CRD version's <c>openAPIV3Schema</c>, compiled once and applied to objects the way the Kubernetes
/// API server applies it on create and update: unknown fields are pruned or rejected, defaults are
/// applied in place, then values and <c>x-kubernetes-validations</c> rules are checked. Instances are
/// immutable and safe to use from many threads.
/// </summary>
public sealed class StructuralSchema
{
    private static readonly SchemaValidationOptions DefaultOptions = new();

    private readonly SchemaNode root;

    private StructuralSchema(SchemaNode root)
    {
        this.root = root;
    }

    /// <summary>Compiles a schema (regular expressions and CEL rules included).</summary>
    /// <exception cref="SchemaDefinitionException">
    /// The schema is not structural, uses a forbidden keyword, has an invalid default, or a rule is
    /// outside the supported CEL subset. The message names the offending schema path.
    /// </exception>
    public static StructuralSchema Parse(JsonNode openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        return new StructuralSchema(SchemaParser.Parse(openApiV3Schema));
    }

    /// <summary>
    /// Prunes or rejects unknown fields and applies defaults to <paramref name="obj"/> in place, then
    /// validates it. Transition rules (those using <c>oldSelf</c>) run only when <paramref name="oldObj"/>
    /// is given. Returns every error, in API server order and wording; an empty list means valid.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? oldObj = null, SchemaValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var unknownFields = (options ?? DefaultOptions).UnknownFields;
        var old = oldObj is null ? OldValue.Absent : OldValue.Of(oldObj);
        return ValidationPipeline.Run(obj, root, FieldPath.Root, old, unknownFields).Errors;
    }
}
