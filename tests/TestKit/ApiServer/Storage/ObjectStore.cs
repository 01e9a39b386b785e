using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Selectors;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>
/// The object store: every object by storage key, one global revision counter (the etcd revision),
/// a bounded history of changes for watches, open watch subscriptions and list snapshots for paging.
/// All reads and writes happen under <see cref="Gate"/>; stored objects are frozen and never mutated.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<StorageKey, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly LinkedList<StoredEvent> _history = new();
    private readonly List<WatchSubscription> _watchers = [];
    private readonly ListSnapshots _snapshots = new();
    private readonly int _historyLimit;
    private long _revision;
    private long _compactedRevision;

    public ObjectStore(int historyLimit)
    {
        _historyLimit = historyLimit;
    }

    /// <summary>Raised under the lock after every commit.</summary>
    public event Action<StoredEvent>? Committed;

    public Lock Gate { get; } = new();

    public long Revision
    {
        get
        {
            lock (Gate)
            {
                return _revision;
            }
        }
    }

    public int OpenWatchCount
    {
        get
        {
            lock (Gate)
            {
                return _watchers.Count;
            }
        }
    }

    public JsonObject? Get(StorageKey key, string ns, string name)
    {
        lock (Gate)
        {
            return _objects.TryGetValue(key, out var items) && items.TryGetValue(ObjectKey(ns, name), out var obj) ? obj : null;
        }
    }

    public IReadOnlyList<JsonObject> List(StorageKey key, string? ns = null)
    {
        lock (Gate)
        {
            if (!_objects.TryGetValue(key, out var items))
            {
                return [];
            }
            return ns is null
                ? items.Values.ToList()
                : items.Where(p => p.Key.StartsWith(ns + "/", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        }
    }

    /// <summary>Every stored object of every type; for controllers.</summary>
    public IEnumerable<(StorageKey Key, JsonObject Object)> All()
    {
        lock (Gate)
        {
            return _objects.SelectMany(p => p.Value.Values.Select(o => (p.Key, o))).ToList();
        }
    }

    public string FormatRevision(long revision) => revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores a new or changed object under the next revision and returns the frozen copy.</summary>
    public JsonObject Put(StorageKey key, JsonObject obj)
    {
        lock (Gate)
        {
            var revision = ++_revision;
            var frozenSource = (JsonObject)obj.DeepClone();
            JsonTree.Metadata(frozenSource)["resourceVersion"] = FormatRevision(revision);
            var frozen = JsonTree.Freeze(frozenSource);
            var items = ItemsOf(key);
            var id = ObjectKey(JsonTree.Namespace(frozen), JsonTree.Name(frozen));
            items.TryGetValue(id, out var previous);
            items[id] = frozen;
            Record(new StoredEvent(revision, previous is null ? ChangeType.Added : ChangeType.Modified, key, frozen, previous));
            return frozen;
        }
    }

    /// <summary>Removes an object; its final state carries the deletion revision.</summary>
    public JsonObject Remove(StorageKey key, JsonObject current)
    {
        lock (Gate)
        {
            var revision = ++_revision;
            var finalState = (JsonObject)current.DeepClone();
            JsonTree.Metadata(finalState)["resourceVersion"] = FormatRevision(revision);
            var frozen = JsonTree.Freeze(finalState);
            ItemsOf(key).Remove(ObjectKey(JsonTree.Namespace(current), JsonTree.Name(current)));
            Record(new StoredEvent(revision, ChangeType.Deleted, key, frozen, current));
            return frozen;
        }
    }

    /// <summary>Drops every object of a type without events (the type itself is going away).</summary>
    public void ForgetType(StorageKey key)
    {
        lock (Gate)
        {
            _objects.Remove(key);
            foreach (var watcher in _watchers.Where(w => w.Key == key).ToList())
            {
                watcher.Drop();
            }
        }
    }

    /// <summary>Forgets all history up to now, like an etcd compaction: older watch and continue revisions get 410.</summary>
    public void Compact()
    {
        lock (Gate)
        {
            _history.Clear();
            _compactedRevision = _revision;
            _snapshots.DropOlderThan(_compactedRevision);
        }
    }

    public ListPage ListPage(StorageKey key, string? ns, LabelSelector labels, FieldSelector fields, int limit, ContinueToken? token)
    {
        lock (Gate)
        {
            Snapshot snapshot;
            if (token is not null)
            {
                if (token.Revision < _compactedRevision || !_snapshots.TryGet(token.SnapshotId, out snapshot!))
                {
                    throw ApiErrors.Expired(
                        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
                }
            }
            else
            {
                var items = List(key, ns).Where(o => labels.Matches(o["metadata"]?["labels"] as JsonObject) && fields.Matches(o)).ToList();
                snapshot = new Snapshot(Guid.NewGuid().ToString("N"), _revision, items);
            }
            var start = token?.Offset ?? 0;
            var count = limit > 0 ? Math.Min(limit, snapshot.Items.Count - start) : snapshot.Items.Count - start;
            var page = snapshot.Items.Skip(start).Take(Math.Max(count, 0)).ToList();
            ContinueToken? next = null;
            if (start + page.Count < snapshot.Items.Count)
            {
                _snapshots.Add(snapshot);
                next = new ContinueToken(snapshot.Revision, snapshot.Id, start + page.Count);
            }
            var remaining = snapshot.Items.Count - start - page.Count;
            return new ListPage(page, snapshot.Revision, next, remaining);
        }
    }

    /// <summary>
    /// Opens a watch. Without a revision (or with <paramref name="sendInitialEvents"/>) every matching object
    /// is first sent as ADDED; with one, the retained history after it is replayed, or a 410 ERROR is queued
    /// when it is older than the retained window.
    /// </summary>
    public WatchSubscription Watch(StorageKey key, string? ns, LabelSelector labels, FieldSelector fields,
        long? fromRevision, bool sendInitialEvents, bool initialEventsEndBookmark, Func<JsonObject, JsonObject> bookmarkFor)
    {
        lock (Gate)
        {
            var subscription = new WatchSubscription(key, ns, labels, fields, Unsubscribe);
            var writer = subscription.Messages.Writer;
            if (fromRevision is null || sendInitialEvents)
            {
                foreach (var obj in List(key, ns).Where(subscription.Matches))
                {
                    writer.TryWrite(new WatchMessage("ADDED", obj));
                }
                if (initialEventsEndBookmark)
                {
                    var bookmark = bookmarkFor(new JsonObject { ["resourceVersion"] = FormatRevision(_revision) });
                    bookmark["metadata"]!["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
                    writer.TryWrite(new WatchMessage("BOOKMARK", bookmark));
                }
            }
            else if (fromRevision < _compactedRevision)
            {
                var oldest = _history.First?.Value.Revision ?? _compactedRevision + 1;
                var status = ApiErrors.Expired($"too old resource version: {fromRevision} ({oldest})").ToStatus();
                writer.TryWrite(new WatchMessage("ERROR", status));
                writer.TryComplete();
                return subscription;
            }
            else
            {
                foreach (var stored in _history.Where(e => e.Key == key && e.Revision > fromRevision))
                {
                    Deliver(subscription, stored);
                }
            }
            _watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Queues a BOOKMARK at the current revision behind every event already queued.</summary>
    public void Bookmark(WatchSubscription subscription, Func<JsonObject, JsonObject> bookmarkFor)
    {
        lock (Gate)
        {
            subscription.Messages.Writer.TryWrite(
                new WatchMessage("BOOKMARK", bookmarkFor(new JsonObject { ["resourceVersion"] = FormatRevision(_revision) })));
        }
    }

    public void DropAllWatches()
    {
        lock (Gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Drop();
            }
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (Gate)
        {
            _watchers.Remove(subscription);
        }
    }

    private void Record(StoredEvent stored)
    {
        _history.AddLast(stored);
        while (_history.Count > _historyLimit)
        {
            _compactedRevision = _history.First!.Value.Revision;
            _history.RemoveFirst();
        }
        foreach (var watcher in _watchers)
        {
            if (watcher.Key == stored.Key)
            {
                Deliver(watcher, stored);
            }
        }
        Committed?.Invoke(stored);
    }

    private static void Deliver(WatchSubscription watcher, StoredEvent stored)
    {
        var nowMatches = watcher.Matches(stored.Object);
        var matchedBefore = stored.Previous is not null && watcher.Matches(stored.Previous);
        var type = stored.Type switch
        {
            ChangeType.Added when nowMatches => "ADDED",
            ChangeType.Deleted when nowMatches || matchedBefore => "DELETED",
            ChangeType.Modified when nowMatches && matchedBefore => "MODIFIED",
            ChangeType.Modified when nowMatches => "ADDED",
            ChangeType.Modified when matchedBefore => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            watcher.Messages.Writer.TryWrite(new WatchMessage(type, stored.Object));
        }
    }

    private SortedDictionary<string, JsonObject> ItemsOf(StorageKey key)
    {
        if (!_objects.TryGetValue(key, out var items))
        {
            items = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[key] = items;
        }
        return items;
    }

    private static string ObjectKey(string ns, string name) => ns + "/" + name;
}
