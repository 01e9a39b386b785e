using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// One write, in the API server's order: prune (or reject) unknown fields, apply defaults, validate
/// values, embedded resources and list uniqueness, then CEL rules unless a blocking error was found.
/// </summary>
internal static class ValidationPipeline
{
    private const string RulesSkipped =
        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    public static ErrorCollector Run(JsonNode? value, SchemaNode schema, FieldPath path, OldValue? oldValue, UnknownFieldHandling unknownFields)
    {
        var errors = new ErrorCollector();
        UnknownFieldPruner.Apply(value, schema, path, unknownFields, errors);
        Defaulter.Apply(value, schema);

        var schemaErrors = new ErrorCollector();
        ValueValidator.Validate(value, schema, path, schemaErrors);
        EmbeddedResourceValidator.Validate(value, schema, path, schemaErrors);
        ListTypeValidator.Validate(value, schema, path, schemaErrors);
        errors.AddRange(schemaErrors);

        if (schema.HasRulesInSubtree)
        {
            if (schemaErrors.HasBlockingError)
            {
                errors.InvalidWithoutPath(BadValue.Of("null"), RulesSkipped);
            }
            else
            {
                RuleRunner.Validate(value, schema, path, oldValue ?? OldValue.Absent, errors);
            }
        }

        return errors;
    }
}
