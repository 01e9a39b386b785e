using Skyforge.Kubernetes.Requests;

namespace Skyforge.Runtime.Informers;

/// <summary>
/// The informer's cache: objects by key, indexed by namespace and by owner UID. Reads return
/// snapshots, so callers never see a collection change under them.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, CachedObject> _objects = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectKey>> _byOwnerUid = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    public CachedObject? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    public CachedObject? Get(string? @namespace, string name) => Get(new ObjectKey(@namespace, name));

    public IReadOnlyList<CachedObject> List()
    {
        lock (_gate)
        {
            return [.. _objects.Values];
        }
    }

    /// <summary>Objects in one namespace (cluster-scoped objects: pass null).</summary>
    public IReadOnlyList<CachedObject> List(string? @namespace)
    {
        lock (_gate)
        {
            return _byNamespace.TryGetValue(@namespace ?? "", out var keys) ? [.. keys.Select(key => _objects[key])] : [];
        }
    }

    public IReadOnlyList<CachedObject> List(string? @namespace, LabelSelector selector) =>
        [.. List(@namespace).Where(obj => selector.Matches(obj.Labels))];

    /// <summary>Objects with an ownerReference (controller or not) to this UID.</summary>
    public IReadOnlyList<CachedObject> ListByOwner(string ownerUid)
    {
        lock (_gate)
        {
            return _byOwnerUid.TryGetValue(ownerUid, out var keys) ? [.. keys.Select(key => _objects[key])] : [];
        }
    }

    /// <summary>Stores the object and returns the one it replaced.</summary>
    internal CachedObject? Upsert(CachedObject obj)
    {
        lock (_gate)
        {
            var previous = _objects.GetValueOrDefault(obj.Key);
            if (previous is not null)
            {
                Unindex(previous);
            }
            _objects[obj.Key] = obj;
            Index(obj);
            return previous;
        }
    }

    internal CachedObject? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_objects.Remove(key, out var previous))
            {
                return null;
            }
            Unindex(previous);
            return previous;
        }
    }

    internal IReadOnlyList<ObjectKey> Keys()
    {
        lock (_gate)
        {
            return [.. _objects.Keys];
        }
    }

    private void Index(CachedObject obj)
    {
        Add(_byNamespace, obj.Key.Namespace ?? "", obj.Key);
        foreach (var owner in obj.Metadata.OwnerReferences ?? [])
        {
            if (owner.Uid.Length > 0)
            {
                Add(_byOwnerUid, owner.Uid, obj.Key);
            }
        }
    }

    private void Unindex(CachedObject obj)
    {
        Remove(_byNamespace, obj.Key.Namespace ?? "", obj.Key);
        foreach (var owner in obj.Metadata.OwnerReferences ?? [])
        {
            Remove(_byOwnerUid, owner.Uid, obj.Key);
        }
    }

    private static void Add(Dictionary<string, HashSet<ObjectKey>> index, string value, ObjectKey key)
    {
        if (!index.TryGetValue(value, out var keys))
        {
            index[value] = keys = [];
        }
        keys.Add(key);
    }

    private static void Remove(Dictionary<string, HashSet<ObjectKey>> index, string value, ObjectKey key)
    {
        if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            index.Remove(value);
        }
    }
}
