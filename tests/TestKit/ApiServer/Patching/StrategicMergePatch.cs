using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Patching;

/// <summary>
/// Strategic merge patch for built-in kinds: a JSON merge patch whose keyed lists (see
/// <see cref="ListSemantics"/>) merge item by item and whose primitive merge lists (metadata.finalizers)
/// merge as sets. Directives supported: <c>$patch: replace|delete</c> on maps and list items, a list-level
/// <c>{"$patch":"replace"}</c> item, and <c>$deleteFromPrimitiveList/&lt;field&gt;</c>.
/// <c>$setElementOrder</c> and <c>$retainKeys</c> are accepted and ignored (item order is not re-sorted).
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(ResourceType type, JsonObject target, JsonObject patch) =>
        MergeObject(type, (JsonObject)target.DeepClone(), patch, []) ?? new JsonObject();

    private static JsonObject? MergeObject(ResourceType type, JsonObject target, JsonObject patch, List<string> path)
    {
        switch (patch[Directive]?.GetValue<string>())
        {
            case "delete":
                return null;
            case "replace":
                return StripDirectives(patch);
        }
        foreach (var (key, value) in patch)
        {
            if (key == Directive || key.StartsWith("$setElementOrder/", StringComparison.Ordinal) || key == "$retainKeys")
            {
                continue;
            }
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var field = key[DeleteFromPrimitiveList.Length..];
                if (target[field] is JsonArray existing && value is JsonArray remove)
                {
                    target[field] = new JsonArray(existing.Where(item => !remove.Any(r => JsonNode.DeepEquals(r, item)))
                        .Select(item => item?.DeepClone()).ToArray());
                }
                continue;
            }
            if (value is null)
            {
                target.Remove(key);
                continue;
            }
            path.Add(key);
            switch (value)
            {
                case JsonObject patchChild when target[key] is JsonObject targetChild:
                    var merged = MergeObject(type, targetChild, patchChild, path);
                    if (merged is null)
                    {
                        target.Remove(key);
                    }
                    else if (!ReferenceEquals(merged, targetChild))
                    {
                        target[key] = merged;
                    }
                    break;
                case JsonObject patchChild:
                    var created = MergeObject(type, new JsonObject(), patchChild, path);
                    if (created is null)
                    {
                        target.Remove(key);
                    }
                    else
                    {
                        target[key] = created;
                    }
                    break;
                case JsonArray patchList:
                    target[key] = MergeList(type, target[key] as JsonArray, patchList, path);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
            path.RemoveAt(path.Count - 1);
        }
        return target;
    }

    private static JsonArray MergeList(ResourceType type, JsonArray? target, JsonArray patch, List<string> path)
    {
        var replaceAll = patch.Any(item => item is JsonObject o && o[Directive]?.GetValue<string>() == "replace" && o.Count == 1);
        var strategy = ListSemantics.For(type, path);
        if (replaceAll || target is null || strategy.Kind == ListStrategyKind.Atomic)
        {
            return new JsonArray(patch.Where(item => !(item is JsonObject o && o.Count == 1 && o.ContainsKey(Directive)))
                .Select(item => item is JsonObject o ? StripDirectives(o) : item?.DeepClone()).ToArray());
        }
        var result = (JsonArray)target.DeepClone();
        if (strategy.Kind == ListStrategyKind.Set)
        {
            foreach (var item in patch)
            {
                if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
                {
                    result.Add(item?.DeepClone());
                }
            }
            return result;
        }
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                continue;
            }
            var index = IndexOf(result, patchItem, strategy.Keys);
            var directive = patchItem[Directive]?.GetValue<string>();
            if (directive == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
                continue;
            }
            if (index < 0 || directive == "replace")
            {
                var replacement = StripDirectives(patchItem);
                if (index < 0)
                {
                    result.Add(replacement);
                }
                else
                {
                    result[index] = replacement;
                }
                continue;
            }
            var merged = MergeObject(type, (JsonObject)result[index]!.DeepClone(), patchItem, path);
            result[index] = merged;
        }
        return result;
    }

    private static int IndexOf(JsonArray list, JsonObject item, IReadOnlyList<string> keys)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject candidate && keys.All(k => JsonNode.DeepEquals(candidate[k], item[k])))
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject StripDirectives(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }
            result[key] = value switch
            {
                JsonObject child => StripDirectives(child),
                _ => value?.DeepClone(),
            };
        }
        return result;
    }
}
