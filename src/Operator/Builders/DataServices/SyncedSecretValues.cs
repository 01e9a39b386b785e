using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>How a synced Secrets Manager value becomes keys of the Kubernetes Secret.</summary>
public static class SyncedSecretValues
{
    /// <summary>The key a secret that is not a JSON object is projected under.</summary>
    public const string PlainKey = "value";

    /// <summary>
    /// A JSON object becomes one key per member (string members as they are, other members as their JSON
    /// text); anything else, including JSON that is not an object, becomes the single key "value".
    /// </summary>
    /// <exception cref="ArgumentException">A member name is not a valid Kubernetes Secret key (the message names the key, never a value).</exception>
    public static IReadOnlyDictionary<string, string> Parse(string secretString)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(secretString);
        }
        catch (JsonException)
        {
            document = null;
        }
        if (document is not JsonObject members)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { [PlainKey] = secretString };
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in members)
        {
            if (key.Length == 0 || key.Length > 253 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"secret member \"{key}\" cannot be a Kubernetes Secret key (letters, digits, '-', '_' and '.' only)", nameof(secretString));
            }
            values[key] = value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";
        }
        return values;
    }
}
