using System.Text.Json.Nodes;

namespace Skyforge.Operator.Rendering;

/// <summary>Replaces every string that contains a secret value (passwords inside URIs and JSON too) with a marker.</summary>
public static class Redactor
{
    public const string Marker = "<redacted>";

    public static void Redact(JsonNode? node, IReadOnlyCollection<string> secrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && Contains(value, secrets))
                    {
                        obj[key] = Marker;
                    }
                    else
                    {
                        Redact(obj[key], secrets);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && Contains(value, secrets))
                    {
                        array[i] = Marker;
                    }
                    else
                    {
                        Redact(array[i], secrets);
                    }
                }
                break;
        }
    }

    private static bool Contains(JsonValue value, IReadOnlyCollection<string> secrets) =>
        value.TryGetValue<string>(out var text) && secrets.Any(secret => secret.Length > 0 && text.Contains(secret, StringComparison.Ordinal));
}
