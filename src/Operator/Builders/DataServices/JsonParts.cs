using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>Small JSON construction helpers shared by the builders.</summary>
internal static class JsonParts
{
    /// <summary>
    /// Escapes only what JSON requires, so a value such as a+b&lt;c stays verbatim in the text (the
    /// default encoder writes \u002B): what is stored is what was generated, and redaction finds it.
    /// </summary>
    private static readonly JsonSerializerOptions MinimalEscaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text of a secret document (SecretString).</summary>
    public static string SecretText(JsonObject document) => document.ToJsonString(MinimalEscaping);

    /// <summary>Removes members whose value is null, so optional AWS parameters and Kubernetes fields are simply absent.</summary>
    public static JsonObject Compact(JsonObject value)
    {
        foreach (var key in value.Where(member => member.Value is null).Select(member => member.Key).ToList())
        {
            value.Remove(key);
        }
        return value;
    }

    public static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());

    public static JsonArray Strings(IEnumerable<string> values) => Manifest.ToArray(values);

    /// <summary>A fresh string array, or null (omitted) when there is nothing in it.</summary>
    public static JsonArray? StringsOrNull(IReadOnlyCollection<string>? values) =>
        values is { Count: > 0 } ? Strings(values) : null;
}
