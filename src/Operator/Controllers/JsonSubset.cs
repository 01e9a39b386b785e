using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// Whether a live object still holds every field of a desired one: objects may have more members (defaults,
/// other managers' fields, status), lists must match item by item, scalars must be equal (numbers by value).
/// </summary>
public static class JsonSubset
{
    public static bool Contains(JsonNode? live, JsonNode? desired) => desired switch
    {
        null => true,
        JsonObject wanted => live is JsonObject have && wanted.All(member => Contains(have[member.Key], member.Value)),
        JsonArray wanted => live is JsonArray have && have.Count == wanted.Count && wanted.Select((item, index) => Contains(have[index], item)).All(match => match),
        JsonValue wanted => live is JsonValue have && ScalarEquals(have, wanted),
        _ => false,
    };

    private static bool ScalarEquals(JsonValue live, JsonValue desired)
    {
        var liveKind = live.GetValueKind();
        var desiredKind = desired.GetValueKind();
        if (liveKind == JsonValueKind.Number && desiredKind == JsonValueKind.Number)
        {
            return Number(live) == Number(desired);
        }
        return liveKind == desiredKind && live.ToJsonString() == desired.ToJsonString();
    }

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
