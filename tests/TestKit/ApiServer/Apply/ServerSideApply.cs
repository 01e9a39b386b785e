using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>
/// Server-side apply over a simplified field-ownership model:
/// <list type="bullet">
/// <item>The applier owns exactly the leaf fields of its applied configuration (scalars, atomic lists,
/// set items, keyed-list items and their fields), recorded as an "Apply" managedFields entry.</item>
/// <item>A conflict is a leaf of the configuration that another manager (apply or update) owns — exactly,
/// below it or as an atomic ancestor — whose live value differs from the applied one. Equal values are shared.</item>
/// <item><c>force</c> moves conflicting fields to the applier.</item>
/// <item>Fields the applier applied last time and omits now are removed unless another manager owns them;
/// keys of a keyed-list item stay while anyone owns part of the item.</item>
/// <item>Merging: maps merge, keyed lists merge item by item, sets union, atomic lists and scalars replace;
/// an explicit null removes the field.</item>
/// </list>
/// Differences from the real structured-merge-diff: no per-version schema conversion of managedFields, no
/// compound list keys for built-ins, no <c>x-kubernetes-map-type: atomic</c>, and the applier's own
/// "Update" entry never conflicts with its apply.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(ResourceType type, JsonObject live, JsonObject config, string manager, bool force,
        FieldScope scope, string? subresource, string time)
    {
        var result = (JsonObject)live.DeepClone();
        var entries = ManagedFields.Read(result);
        var configFields = ObjectFields.Build(type, config, scope);
        var conflicts = FindConflicts(entries, manager, configFields, live, config);
        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(type, live, conflicts);
        }
        foreach (var (entry, path) in conflicts)
        {
            entry.Fields.RemoveOverlapping(path);
        }

        var own = entries.FirstOrDefault(e => e.IsSameOwner(manager, ManagedFields.ApplyOperation, subresource));
        var previouslyApplied = own?.Fields ?? new FieldSet();
        Merge(type, result, config, scope);
        RemoveAbandoned(result, previouslyApplied, configFields, entries, own);

        if (own is null)
        {
            own = new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = ManagedFields.ApplyOperation,
                ApiVersion = type.GroupVersion,
                Time = time,
                Subresource = subresource,
                Fields = configFields,
            };
            entries.Add(own);
        }
        else
        {
            own.Fields = configFields;
            own.Time = time;
            own.ApiVersion = type.GroupVersion;
        }
        ManagedFields.Write(result, entries);
        return result;
    }

    private static List<(ManagedFieldsEntry Entry, IReadOnlyList<string> Path)> FindConflicts(
        List<ManagedFieldsEntry> entries, string manager, FieldSet configFields, JsonObject live, JsonObject config)
    {
        var conflicts = new List<(ManagedFieldsEntry, IReadOnlyList<string>)>();
        foreach (var leaf in configFields.Leaves())
        {
            if (leaf[^1] == ".")
            {
                continue;
            }
            foreach (var entry in entries.Where(e => e.Manager != manager && e.Fields.Overlaps(leaf)))
            {
                ObjectFields.TryGet(live, leaf, out var liveValue);
                ObjectFields.TryGet(config, leaf, out var configValue);
                if (!JsonNode.DeepEquals(liveValue, configValue))
                {
                    conflicts.Add((entry, leaf));
                }
            }
        }
        return conflicts;
    }

    private static ApiException ConflictError(ResourceType type, JsonObject live,
        List<(ManagedFieldsEntry Entry, IReadOnlyList<string> Path)> conflicts)
    {
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Entry.DescribeOwner()}: {ObjectFields.Describe(conflicts[0].Path)}";
        }
        else
        {
            var parts = conflicts.GroupBy(c => c.Entry)
                .Select(g => $"conflicts with {g.Key.DescribeOwner()}:\n" + string.Join("\n", g.Select(c => "- " + ObjectFields.Describe(c.Path))));
            message = $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", parts);
        }
        var causes = conflicts
            .Select(c => new StatusCause("FieldManagerConflict", $"conflict with {c.Entry.DescribeOwner()}", ObjectFields.Describe(c.Path)))
            .ToList();
        var name = live["metadata"]?["name"]?.GetValue<string>();
        return new ApiException(409, "Conflict", message, new StatusDetails(name, type.Group, type.Plural, Causes: causes));
    }

    private static void Merge(ResourceType type, JsonObject result, JsonObject config, FieldScope scope)
    {
        foreach (var (key, value) in config)
        {
            if (key is "apiVersion" or "kind" || !ObjectFields.InScope(key, scope))
            {
                continue;
            }
            if (key == "metadata")
            {
                if (value is not JsonObject metadata)
                {
                    continue;
                }
                var target = result["metadata"] as JsonObject ?? new JsonObject();
                result["metadata"] = target;
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (metaKey is "labels" or "annotations" or "finalizers" or "ownerReferences")
                    {
                        SetMerged(type, target, metaKey, metaValue, ["metadata", metaKey]);
                    }
                }
                continue;
            }
            SetMerged(type, result, key, value, [key]);
        }
    }

    private static void SetMerged(ResourceType type, JsonObject target, string key, JsonNode? value, List<string> fieldPath)
    {
        if (value is null)
        {
            target.Remove(key);
            return;
        }
        target[key] = MergeValue(type, target[key], value, fieldPath);
    }

    private static JsonNode MergeValue(ResourceType type, JsonNode? existing, JsonNode value, List<string> fieldPath)
    {
        switch (value)
        {
            case JsonObject obj:
                var merged = existing is JsonObject current ? (JsonObject)current.DeepClone() : new JsonObject();
                foreach (var (key, child) in obj)
                {
                    fieldPath.Add(key);
                    SetMerged(type, merged, key, child, fieldPath);
                    fieldPath.RemoveAt(fieldPath.Count - 1);
                }
                return merged;
            case JsonArray array when existing is JsonArray currentList:
                var strategy = ListSemantics.For(type, fieldPath);
                return strategy.Kind switch
                {
                    ListStrategyKind.Set => Union(currentList, array),
                    ListStrategyKind.Map => MergeKeyed(type, currentList, array, strategy.Keys, fieldPath),
                    _ => array.DeepClone(),
                };
            default:
                return value.DeepClone();
        }
    }

    private static JsonArray Union(JsonArray current, JsonArray applied)
    {
        var result = (JsonArray)current.DeepClone();
        foreach (var item in applied)
        {
            if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                result.Add(item?.DeepClone());
            }
        }
        return result;
    }

    private static JsonArray MergeKeyed(ResourceType type, JsonArray current, JsonArray applied, IReadOnlyList<string> keys, List<string> fieldPath)
    {
        var result = (JsonArray)current.DeepClone();
        foreach (var item in applied.OfType<JsonObject>())
        {
            var index = -1;
            for (var i = 0; i < result.Count; i++)
            {
                if (result[i] is JsonObject candidate && keys.All(k => JsonNode.DeepEquals(candidate[k], item[k])))
                {
                    index = i;
                    break;
                }
            }
            if (index < 0)
            {
                result.Add(item.DeepClone());
            }
            else
            {
                result[index] = MergeValue(type, result[index], item, fieldPath);
            }
        }
        return result;
    }

    private static void RemoveAbandoned(JsonObject result, FieldSet previouslyApplied, FieldSet nowApplied,
        List<ManagedFieldsEntry> entries, ManagedFieldsEntry? own)
    {
        // A field applied before is abandoned only when nothing is applied at, below or above it now: a map applied
        // as null last time and with entries now is still the applier's.
        var abandoned = previouslyApplied.Leaves().Where(leaf => !nowApplied.Overlaps(leaf))
            .OrderByDescending(leaf => leaf.Count).ToList();
        foreach (var leaf in abandoned)
        {
            if (entries.Any(e => !ReferenceEquals(e, own) && e.Fields.Overlaps(ItemOrField(leaf))))
            {
                continue;
            }
            if (IsKeyOfOwnedItem(leaf, nowApplied, entries, own))
            {
                continue;
            }
            ObjectFields.Remove(result, leaf);
            RemoveEmptiedMaps(result, leaf, nowApplied);
        }
    }

    /// <summary>Maps left empty by a removal go too (labels: {} after the last label), unless applied empty.</summary>
    private static void RemoveEmptiedMaps(JsonObject result, IReadOnlyList<string> removed, FieldSet nowApplied)
    {
        for (var length = removed.Count - 1; length > 0; length--)
        {
            var parent = removed.Take(length).ToList();
            if (!parent[^1].StartsWith("f:", StringComparison.Ordinal) || nowApplied.ContainsLeaf(parent)
                || !ObjectFields.TryGet(result, parent, out var value) || value is not JsonObject { Count: 0 })
            {
                return;
            }
            ObjectFields.Remove(result, parent);
        }
    }

    /// <summary>For an item marker the item's path, otherwise the field itself.</summary>
    private static IReadOnlyList<string> ItemOrField(IReadOnlyList<string> leaf) =>
        leaf[^1] == "." ? leaf.Take(leaf.Count - 1).ToList() : leaf;

    private static bool IsKeyOfOwnedItem(IReadOnlyList<string> leaf, FieldSet nowApplied, List<ManagedFieldsEntry> entries, ManagedFieldsEntry? own)
    {
        if (leaf.Count < 2 || !leaf[^2].StartsWith("k:", StringComparison.Ordinal) || !leaf[^1].StartsWith("f:", StringComparison.Ordinal))
        {
            return false;
        }
        var key = JsonNode.Parse(leaf[^2][2..]) as JsonObject;
        if (key is null || !key.ContainsKey(leaf[^1][2..]))
        {
            return false;
        }
        var item = leaf.Take(leaf.Count - 1).ToList();
        return nowApplied.Overlaps(item) || entries.Any(e => !ReferenceEquals(e, own) && e.Fields.Overlaps(item));
    }
}
