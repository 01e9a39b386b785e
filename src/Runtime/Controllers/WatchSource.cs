using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime.Informers;

namespace Skyforge.Runtime.Controllers;

/// <summary>A secondary resource a controller watches, and how its objects map to primary keys.</summary>
/// <param name="Selector">Narrows what the shared informer caches (and so what is watched at all).</param>
public sealed record WatchSource(ResourceType Type, LabelSelector? Selector, Func<CachedObject, IEnumerable<ObjectKey>> Map)
{
    /// <summary>
    /// Objects whose controller ownerReference points at a <paramref name="owner"/> object: they map to
    /// that owner (same namespace; ownerReferences never cross namespaces).
    /// </summary>
    public static WatchSource OwnedBy(ResourceType type, ResourceType owner, LabelSelector? selector = null) =>
        new(type, selector, obj => OwnerKeys(obj, owner));

    /// <summary>
    /// Objects that name their primary in labels, for owners in another namespace or objects that
    /// cannot carry an ownerReference. Without <paramref name="namespaceLabel"/> (or when it is absent),
    /// the primary is in the object's own namespace.
    /// </summary>
    public static WatchSource ByLabels(ResourceType type, string nameLabel, string? namespaceLabel, ResourceType owner)
    {
        var selector = LabelSelector.Everything.Exists(nameLabel);
        return new(type, selector, obj => LabelKeys(obj, nameLabel, namespaceLabel, owner));
    }

    /// <summary>Any mapping, e.g. every primary that references a shared Secret by name.</summary>
    public static WatchSource Mapped(ResourceType type, Func<CachedObject, IEnumerable<ObjectKey>> map, LabelSelector? selector = null) =>
        new(type, selector, map);

    private static IEnumerable<ObjectKey> OwnerKeys(CachedObject obj, ResourceType owner)
    {
        if (obj.ControllerReference is not { } reference || reference.Kind != owner.Kind || GroupOf(reference.ApiVersion) != owner.Group)
        {
            return [];
        }
        return [new ObjectKey(owner.Namespaced ? obj.Key.Namespace : null, reference.Name)];
    }

    private static IEnumerable<ObjectKey> LabelKeys(CachedObject obj, string nameLabel, string? namespaceLabel, ResourceType owner)
    {
        var labels = obj.Labels;
        if (labels is null || !labels.TryGetValue(nameLabel, out var name) || name.Length == 0)
        {
            return [];
        }
        if (!owner.Namespaced)
        {
            return [new ObjectKey(null, name)];
        }
        var @namespace = namespaceLabel is not null && labels.TryGetValue(namespaceLabel, out var labelled) && labelled.Length > 0
            ? labelled
            : obj.Key.Namespace;
        return [new ObjectKey(@namespace, name)];
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
