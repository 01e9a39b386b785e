using System.Text.Json;

namespace Skyforge.Kubernetes;

/// <summary>The namespace and name inside a serialized object, which address its PUT/PATCH path.</summary>
internal readonly record struct ObjectIdentity(string? Namespace, string? Name)
{
    public static ObjectIdentity Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return default;
        }
        return new ObjectIdentity(Text(metadata, "namespace"), Text(metadata, "name"));
    }

    public string RequireNamespace(ResourceType type) =>
        string.IsNullOrEmpty(Namespace) ? throw new ArgumentException($"{type.GroupResource} is namespaced; the object needs metadata.namespace") : Namespace;

    public string RequireName(ResourceType type) =>
        string.IsNullOrEmpty(Name) ? throw new ArgumentException($"the {type.Kind} needs metadata.name") : Name;

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
