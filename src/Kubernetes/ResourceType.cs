namespace Skyforge.Kubernetes;

/// <summary>
/// Addresses one REST resource of the Kubernetes API: the group/version it is served under, its plural
/// path segment, the kind its objects carry, and whether objects live in a namespace.
/// </summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> objects of this resource carry: <c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The <c>plural.group</c> form used by kubectl and in API error messages.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The path of the collection: every namespace when <paramref name="namespace"/> is null.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && @namespace is not null
            ? $"{root}/namespaces/{Segment(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The path of one object, optionally of one of its subresources such as <c>status</c>.</summary>
    /// <exception cref="ArgumentException">The resource is namespaced and no namespace was given.</exception>
    public string ObjectPath(string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{GroupResource} is namespaced; a namespace is required to address \"{name}\"", nameof(@namespace));
        }
        var path = $"{CollectionPath(Namespaced ? @namespace : null)}/{Segment(name)}";
        return subresource is null ? path : $"{path}/{Segment(subresource)}";
    }

    public override string ToString() => GroupResource;

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
