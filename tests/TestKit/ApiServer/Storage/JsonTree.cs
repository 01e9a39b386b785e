using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>Helpers for the JSON trees the store keeps.</summary>
internal static class JsonTree
{
    /// <summary>
    /// A private, fully materialised copy that may be read from many threads at once:
    /// System.Text.Json nodes built from parsed text initialise lazily, which is not thread-safe.
    /// </summary>
    public static JsonObject Freeze(JsonObject source)
    {
        // Re-parsing the serialised form keeps every value on one shared document (DeepClone would give
        // each value its own) and yields the bytes responses reuse.
        var json = SerializedForms.Serialize(source);
        var frozen = (JsonObject)JsonNode.Parse(json)!;
        Touch(frozen);
        SerializedForms.Remember(frozen, json);
        return frozen;
    }

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }
        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? GetString(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject obj ? obj[name] : null;
        }
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>An integer however it was built (parsed text, int or long); null for anything else.</summary>
    public static long? AsLong(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue<long>(out var integer))
        {
            return integer;
        }
        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }
        return value.TryGetValue<double>(out var real) && real == Math.Floor(real) ? (long)real : null;
    }

    public static string Name(JsonObject obj) => GetString(obj, "metadata", "name") ?? "";

    public static string Namespace(JsonObject obj) => GetString(obj, "metadata", "namespace") ?? "";

    public static string Uid(JsonObject obj) => GetString(obj, "metadata", "uid") ?? "";

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray array
            ? array.Select(f => f?.GetValue<string>() ?? "").ToList()
            : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var metadata = Metadata(obj);
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
        }
        else
        {
            metadata["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }
    }

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    private static void Touch(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Touch(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Touch(child);
                }
                break;
        }
    }
}
