using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer;

/// <summary>Direct, read-mostly access to the server's objects for test assertions (copies, never live state).</summary>
public sealed class TestApiServerStore
{
    private readonly ObjectStore _store;

    internal TestApiServerStore(ObjectStore store)
    {
        _store = store;
    }

    /// <summary>The current global resourceVersion.</summary>
    public long ResourceVersion => _store.Revision;

    /// <summary>Watch connections currently open.</summary>
    public int OpenWatchCount => _store.OpenWatchCount;

    /// <summary>One object by group ("" for core), plural resource, namespace ("" for cluster-scoped) and name.</summary>
    public JsonObject? Get(string group, string resource, string ns, string name) =>
        _store.Get(new StorageKey(group, resource), ns, name)?.DeepClone() as JsonObject;

    /// <summary>Every object of a resource, optionally in one namespace, ordered by namespace and name.</summary>
    public IReadOnlyList<JsonObject> List(string group, string resource, string? ns = null) =>
        _store.List(new StorageKey(group, resource), ns).Select(o => (JsonObject)o.DeepClone()).ToList();

    /// <summary>Forgets all watch history up to now (like an etcd compaction): older revisions get 410 Gone.</summary>
    public void Compact() => _store.Compact();
}
