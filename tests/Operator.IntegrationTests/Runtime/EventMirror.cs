using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// An informer event handler that rebuilds the world from the events alone: the last state it was told
/// of per object, the objects it was told were deleted, and any event that went backwards (an older or
/// repeated resourceVersion for an object, which would mean a replayed or reordered event).
/// </summary>
internal sealed class EventMirror : IResourceEventHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _latest = [];
    private readonly HashSet<string> _deleted = [];
    private readonly List<string> _regressions = [];

    /// <summary>Name to resourceVersion, as the events tell it.</summary>
    public IReadOnlyDictionary<string, long> Objects
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_latest);
            }
        }
    }

    public IReadOnlySet<string> Deleted
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(_deleted);
            }
        }
    }

    public IReadOnlyList<string> Regressions
    {
        get
        {
            lock (_gate)
            {
                return [.. _regressions];
            }
        }
    }

    public void OnAdd(CachedObject obj, bool isInitialList) => Record(obj, "add");

    public void OnUpdate(CachedObject previous, CachedObject current) => Record(current, "update");

    public void OnDelete(CachedObject lastKnown)
    {
        lock (_gate)
        {
            _latest.Remove(lastKnown.Key.Name);
            _deleted.Add(lastKnown.Key.Name);
        }
    }

    private void Record(CachedObject obj, string kind)
    {
        var version = long.Parse(obj.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_latest.TryGetValue(obj.Key.Name, out var seen) && version <= seen)
            {
                _regressions.Add($"{kind} of {obj.Key} at {version} after {seen}");
            }
            _latest[obj.Key.Name] = version;
        }
    }
}
