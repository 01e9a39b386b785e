namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>
/// Every resource type currently served: the fixed built-ins plus one entry per served version of
/// each established CRD. Readers get immutable snapshots; CRD changes swap them.
/// </summary>
internal sealed class ResourceTypeRegistry
{
    private readonly Lock _gate = new();
    private IReadOnlyList<ResourceType> _types = BuiltInResourceTypes.All;

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_gate)
            {
                return _types;
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>The type in which objects of <paramref name="key"/> are stored.</summary>
    public ResourceType? FindStorage(StorageKey key) =>
        All.FirstOrDefault(t => t.Key == key && t.Version == t.StorageVersion);

    public IReadOnlyList<ResourceType> InGroupVersion(string group, string version) =>
        All.Where(t => t.Group == group && t.Version == version).ToList();

    /// <summary>API groups with their versions, most preferred first (kube-aware version ordering).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var order = new List<string>();
        foreach (var type in All)
        {
            if (!order.Contains(type.Group))
            {
                order.Add(type.Group);
            }
        }
        return order
            .Select(group => (group, (IReadOnlyList<string>)All.Where(t => t.Group == group).Select(t => t.Version)
                .Distinct().OrderBy(v => v, KubeVersionComparer.Instance).ToList()))
            .ToList();
    }

    /// <summary>Replaces every version served for a custom resource's storage key.</summary>
    public void ReplaceCustom(StorageKey key, IReadOnlyList<ResourceType> versions)
    {
        lock (_gate)
        {
            _types = _types.Where(t => t.Key != key).Concat(versions).ToList();
        }
    }

    public void RemoveCustom(StorageKey key) => ReplaceCustom(key, []);
}
