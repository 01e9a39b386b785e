using System.Text.Json.Nodes;
using Skyforge.Crds.Schema;

namespace Skyforge.Operator.Tests.Schema;

/// <summary>Builds schemas and objects from inline JSON and renders errors the way kubectl prints them.</summary>
internal static class SchemaTestSupport
{
    public static StructuralSchema Parse(string schemaJson) => StructuralSchema.Parse(JsonNode.Parse(schemaJson)!);

    /// <summary>A root schema whose only property is <c>spec</c> with the given schema.</summary>
    public static StructuralSchema WithSpec(string specSchemaJson) =>
        Parse($$$"""{"type":"object","properties":{"spec":{{{specSchemaJson}}} }}""");

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static List<string> Errors(
        StructuralSchema schema,
        string objectJson,
        string? oldObjectJson = null,
        UnknownFieldHandling unknownFields = UnknownFieldHandling.Reject) =>
        Errors(schema, Json(objectJson), oldObjectJson is null ? null : Json(oldObjectJson), unknownFields);

    public static List<string> Errors(
        StructuralSchema schema,
        JsonObject obj,
        JsonObject? oldObj = null,
        UnknownFieldHandling unknownFields = UnknownFieldHandling.Reject) =>
        schema.Validate(obj, oldObj, new SchemaValidationOptions(unknownFields)).Select(error => error.ToString()).ToList();

    /// <summary>The exception <see cref="StructuralSchema.Parse"/> throws for <paramref name="schemaJson"/>.</summary>
    public static SchemaDefinitionException ParseFailure(string schemaJson) =>
        Assert.Throws<SchemaDefinitionException>(() => Parse(schemaJson));

    /// <summary>JSON string literal for embedding a CEL rule in a schema.</summary>
    public static string Quoted(string text) => JsonValue.Create(text)!.ToJsonString();

    /// <summary>
    /// Evaluates <paramref name="rule"/> on a schemaless <c>spec</c> (values keep their JSON types) and
    /// reports <c>true</c>, <c>false</c> or <c>error: &lt;detail&gt;</c>.
    /// </summary>
    public static string EvaluateOnSpec(string rule, string specJson = "{}")
    {
        var schema = WithSpec($$$"""
            {"type":"object","x-kubernetes-preserve-unknown-fields":true,
             "x-kubernetes-validations":[{"rule":{{{Quoted(rule)}}} }]}
            """);
        return Outcome(Errors(schema, $$$"""{"spec":{{{specJson}}} }"""));
    }

    public static string Outcome(List<string> errors)
    {
        if (errors.Count == 0)
        {
            return "true";
        }

        var only = Assert.Single(errors);
        const string evaluationError = "rule evaluation error: ";
        var index = only.IndexOf(evaluationError, StringComparison.Ordinal);
        if (index >= 0)
        {
            return "error: " + only[(index + evaluationError.Length)..];
        }

        Assert.Contains("failed rule: ", only, StringComparison.Ordinal);
        return "false";
    }
}
