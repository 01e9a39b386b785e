using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Skyforge.Runtime.Conditions;

/// <summary>
/// Decides whether a computed status differs from the stored one, comparing their JSON (what the API
/// would store), so a controller writes only real changes — no write, no watch event, no reconcile loop.
/// </summary>
public static class StatusComparison
{
    public static bool HasChanged(JsonNode? stored, JsonNode? computed) => !JsonNode.DeepEquals(Normalize(stored), Normalize(computed));

    public static bool HasChanged<T>(T? stored, T? computed, JsonTypeInfo<T> typeInfo) =>
        HasChanged(
            stored is null ? null : JsonSerializer.SerializeToNode(stored, typeInfo),
            computed is null ? null : JsonSerializer.SerializeToNode(computed, typeInfo));

    // An absent status and an empty one are the same to the API.
    private static JsonNode? Normalize(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;
}
