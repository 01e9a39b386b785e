using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>Converts objects to field sets and reads or removes the value at a field path.</summary>
internal static class ObjectFields
{
    private static readonly HashSet<string> TrackedMetadata = ["labels", "annotations", "finalizers", "ownerReferences"];

    /// <summary>The leaf fields set in <paramref name="obj"/> within <paramref name="scope"/>.</summary>
    public static FieldSet Build(ResourceType type, JsonObject obj, FieldScope scope)
    {
        var set = new FieldSet();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || !InScope(key, scope))
            {
                continue;
            }
            if (key == "metadata")
            {
                if (value is not JsonObject metadata)
                {
                    continue;
                }
                var metadataFields = new FieldSet();
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (TrackedMetadata.Contains(metaKey) && metaValue is not null)
                    {
                        AddField(type, metadataFields, metaKey, metaValue, ["metadata", metaKey]);
                    }
                }
                if (!metadataFields.IsEmpty)
                {
                    set.Attach("f:metadata", metadataFields);
                }
                continue;
            }
            AddField(type, set, key, value, [key]);
        }
        return set;
    }

    public static bool InScope(string topLevelField, FieldScope scope) => scope switch
    {
        FieldScope.ExceptStatus => topLevelField != "status",
        FieldScope.StatusOnly => topLevelField == "status",
        _ => true,
    };

    private static void AddField(ResourceType type, FieldSet parent, string key, JsonNode? value, List<string> fieldPath)
    {
        var child = new FieldSet();
        if (Describe(type, child, value, fieldPath))
        {
            parent.Attach("f:" + key, child);
        }
    }

    /// <summary>
    /// Fills <paramref name="node"/> with the fields under <paramref name="value"/>; false when the value claims
    /// nothing at all (an empty keyed list or set, or a map holding only such lists).
    /// </summary>
    private static bool Describe(ResourceType type, FieldSet node, JsonNode? value, List<string> fieldPath)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, child) in obj)
                {
                    fieldPath.Add(key);
                    AddField(type, node, key, child, fieldPath);
                    fieldPath.RemoveAt(fieldPath.Count - 1);
                }
                return !node.IsEmpty;
            case JsonArray array:
                var strategy = ListSemantics.For(type, fieldPath);
                if (strategy.Kind == ListStrategyKind.Set)
                {
                    foreach (var item in array)
                    {
                        node.GetOrAdd("v:" + Compact(item));
                    }
                    return array.Count > 0;
                }
                if (strategy.Kind == ListStrategyKind.Map && array.All(i => i is JsonObject))
                {
                    foreach (var item in array.Cast<JsonObject>())
                    {
                        var itemNode = node.GetOrAdd(KeyElement(item, strategy.Keys));
                        itemNode.GetOrAdd(".");
                        Describe(type, itemNode, item, fieldPath);
                    }
                    return array.Count > 0;
                }
                return true;
            default:
                return true;
        }
    }

    public static string KeyElement(JsonObject item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys)
        {
            key[name] = item[name]?.DeepClone();
        }
        return "k:" + key.ToJsonString();
    }

    public static string Compact(JsonNode? value) => value?.ToJsonString() ?? "null";

    /// <summary>Finds the value at a field path; "." addresses the list item itself.</summary>
    public static bool TryGet(JsonNode? root, IReadOnlyList<string> path, out JsonNode? value)
    {
        var node = root;
        foreach (var element in path)
        {
            if (element == ".")
            {
                continue;
            }
            if (!TryStep(node, element, out var next, out _))
            {
                value = null;
                return false;
            }
            node = next;
        }
        value = node;
        return true;
    }

    /// <summary>Removes the field or list item at <paramref name="path"/> if it exists.</summary>
    public static void Remove(JsonNode root, IReadOnlyList<string> path)
    {
        var target = path[^1] == "." ? path.Take(path.Count - 1).ToList() : path.ToList();
        if (target.Count == 0)
        {
            return;
        }
        JsonNode? parent = root;
        for (var i = 0; i < target.Count - 1; i++)
        {
            if (!TryStep(parent, target[i], out parent, out _))
            {
                return;
            }
        }
        if (TryStep(parent, target[^1], out _, out var index))
        {
            switch (parent)
            {
                case JsonObject obj:
                    obj.Remove(target[^1][2..]);
                    break;
                case JsonArray array:
                    array.RemoveAt(index);
                    break;
            }
        }
    }

    /// <summary>Renders a path the way apply conflicts name fields: <c>.spec.containers[name="app"].image</c>.</summary>
    public static string Describe(IReadOnlyList<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in path)
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(element[2..]);
            }
            else if (element.StartsWith("k:", StringComparison.Ordinal))
            {
                var key = JsonNode.Parse(element[2..])!.AsObject();
                text.Append('[').Append(string.Join(",", key.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"))).Append(']');
            }
            else if (element.StartsWith("v:", StringComparison.Ordinal))
            {
                text.Append("[=").Append(element[2..]).Append(']');
            }
        }
        return text.ToString();
    }

    private static bool TryStep(JsonNode? node, string element, out JsonNode? next, out int index)
    {
        index = -1;
        next = null;
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject obj && obj.TryGetPropertyValue(element[2..], out next);
        }
        if (node is not JsonArray array)
        {
            return false;
        }
        if (element.StartsWith("k:", StringComparison.Ordinal))
        {
            var key = JsonNode.Parse(element[2..]) as JsonObject;
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item && key is not null && key.All(p => JsonNode.DeepEquals(item[p.Key], p.Value)))
                {
                    (next, index) = (item, i);
                    return true;
                }
            }
            return false;
        }
        if (element.StartsWith("v:", StringComparison.Ordinal))
        {
            JsonNode? wanted;
            try
            {
                wanted = JsonNode.Parse(element[2..]);
            }
            catch (JsonException)
            {
                return false;
            }
            for (var i = 0; i < array.Count; i++)
            {
                if (JsonNode.DeepEquals(array[i], wanted))
                {
                    (next, index) = (array[i], i);
                    return true;
                }
            }
        }
        return false;
    }
}
