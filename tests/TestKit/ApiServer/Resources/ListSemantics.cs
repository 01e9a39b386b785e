using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// Resolves the merge strategy of a list field. Custom resources read
/// <c>x-kubernetes-list-type</c>/<c>x-kubernetes-list-map-keys</c> from their schema; built-ins use a
/// table of the well-known keyed lists (containers by name, env by name, ports by port...). A simplification:
/// keyed lists use a single key where the real API uses a compound one (container ports use
/// containerPort alone, not containerPort+protocol).
/// </summary>
internal static class ListSemantics
{
    private static readonly Dictionary<string, ListStrategy> ByFieldName = new(StringComparer.Ordinal)
    {
        ["containers"] = ListStrategy.MapBy("name"),
        ["initContainers"] = ListStrategy.MapBy("name"),
        ["ephemeralContainers"] = ListStrategy.MapBy("name"),
        ["env"] = ListStrategy.MapBy("name"),
        ["volumes"] = ListStrategy.MapBy("name"),
        ["volumeMounts"] = ListStrategy.MapBy("mountPath"),
        ["volumeDevices"] = ListStrategy.MapBy("devicePath"),
        ["imagePullSecrets"] = ListStrategy.MapBy("name"),
        ["hostAliases"] = ListStrategy.MapBy("ip"),
        ["conditions"] = ListStrategy.MapBy("type"),
        ["topologySpreadConstraints"] = ListStrategy.MapBy("topologyKey"),
        ["ownerReferences"] = ListStrategy.MapBy("uid"),
        ["finalizers"] = ListStrategy.Set,
    };

    public static ListStrategy For(ResourceType type, IReadOnlyList<string> fieldPath)
    {
        if (fieldPath.Count == 0)
        {
            return ListStrategy.Atomic;
        }
        if (fieldPath[0] == "metadata")
        {
            return fieldPath.Count == 2 && fieldPath[1] is "finalizers" or "ownerReferences"
                ? ByFieldName[fieldPath[1]]
                : ListStrategy.Atomic;
        }
        if (type.Schema is { } schema)
        {
            return FromSchema(schema.Raw, fieldPath);
        }
        return BuiltIn(type, fieldPath);
    }

    private static ListStrategy BuiltIn(ResourceType type, IReadOnlyList<string> fieldPath)
    {
        var last = fieldPath[^1];
        if (last == "ports")
        {
            if (fieldPath.Count >= 2 && fieldPath[^2] is "containers" or "initContainers" or "ephemeralContainers")
            {
                return ListStrategy.MapBy("containerPort");
            }
            return type.Plural == "services" && fieldPath.Count == 2 && fieldPath[0] == "spec"
                ? ListStrategy.MapBy("port")
                : ListStrategy.Atomic;
        }
        if (last == "finalizers")
        {
            // spec.finalizers of a Namespace is an ordinary list; only metadata.finalizers is a set.
            return ListStrategy.Atomic;
        }
        return ByFieldName.GetValueOrDefault(last, ListStrategy.Atomic);
    }

    private static ListStrategy FromSchema(JsonObject root, IReadOnlyList<string> fieldPath)
    {
        JsonObject? node = root;
        foreach (var segment in fieldPath)
        {
            if (node is null)
            {
                return ListStrategy.Atomic;
            }
            if (node["type"]?.GetValue<string>() == "array")
            {
                node = node["items"] as JsonObject;
            }
            node = node?["properties"]?[segment] as JsonObject ?? node?["additionalProperties"] as JsonObject;
        }
        if (node is null)
        {
            return ListStrategy.Atomic;
        }
        return node["x-kubernetes-list-type"]?.GetValue<string>() switch
        {
            "set" => ListStrategy.Set,
            "map" when node["x-kubernetes-list-map-keys"] is JsonArray keys =>
                new ListStrategy(ListStrategyKind.Map, keys.Select(k => k!.GetValue<string>()).ToList()),
            _ => ListStrategy.Atomic,
        };
    }
}
