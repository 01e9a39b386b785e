using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders;

/// <summary>Shapes shared by every Kubernetes object the builders produce.</summary>
public static class Manifest
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "skyforge";
    public const string NameLabel = "app.kubernetes.io/name";
    public const string InstanceLabel = "app.kubernetes.io/instance";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string OwnerLabel = "skyforge.dev/owner";

    /// <summary>A new object with apiVersion, kind and metadata (namespace, name, labels, controller ownerReference).</summary>
    public static JsonObject New(string apiVersion, string kind, ResourceIdentity owner, string name, IReadOnlyDictionary<string, string> labels)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = owner.Namespace,
            ["labels"] = ToObject(labels),
            ["ownerReferences"] = new JsonArray(OwnerReference(owner)),
        };
        return new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = metadata,
        };
    }

    /// <summary>The controller ownerReference pointing at the Skyforge resource, so deleting it collects the object.</summary>
    public static JsonObject OwnerReference(ResourceIdentity owner) => new()
    {
        ["apiVersion"] = owner.ApiVersion,
        ["kind"] = owner.Kind,
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>The app.kubernetes.io labels for one component of something Skyforge manages.</summary>
    public static SortedDictionary<string, string> Labels(string name, string instance, string component, string partOf) => new(StringComparer.Ordinal)
    {
        [NameLabel] = name,
        [InstanceLabel] = instance,
        [ComponentLabel] = component,
        [PartOfLabel] = partOf,
        [ManagedByLabel] = ManagedBy,
    };

    public static JsonObject ToObject(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            obj[key] = value;
        }
        return obj;
    }

    public static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    /// <summary>A Secret with string data (the API server encodes it into data).</summary>
    public static JsonObject Secret(ResourceIdentity owner, string name, IReadOnlyDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>> stringData)
    {
        var secret = New("v1", "Secret", owner, name, labels);
        secret["type"] = "Opaque";
        secret["stringData"] = ToObject(stringData);
        return secret;
    }
}
