using System.Text.Json.Nodes;
using System.Threading.Channels;
using Skyforge.TestKit.ApiServer.Operations;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Controllers;

/// <summary>
/// The controllers a real control plane runs next to the API server, reduced to what tests observe:
/// CRD instance cleanup (part of the apiextensions server, always on) and — when
/// <c>GarbageCollection</c> is enabled — the kube-controller-manager's ownerReference garbage collector
/// (background, foreground and orphan propagation, dangling references) and namespace content cleanup.
/// They run on one background loop woken by relevant commits; each pass acts on a snapshot.
/// </summary>
internal sealed class ServerControllers : IAsyncDisposable
{
    private const string GarbageCollectorManager = "generic-garbage-collector";
    private readonly ObjectStore _store;
    private readonly ResourceTypeRegistry _registry;
    private readonly ResourceOperations _operations;
    private readonly bool _garbageCollection;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _progressGate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _settleWaiters = [];
    private long _requested;
    private long _handled;
    private Task _loop = Task.CompletedTask;

    public ServerControllers(ObjectStore store, ResourceTypeRegistry registry, ResourceOperations operations, bool garbageCollection)
    {
        _store = store;
        _registry = registry;
        _operations = operations;
        _garbageCollection = garbageCollection;
    }

    public void Start()
    {
        _store.Committed += OnCommitted;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        _store.Committed -= OnCommitted;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _stop.Dispose();
        lock (_progressGate)
        {
            foreach (var (_, done) in _settleWaiters)
            {
                done.TrySetCanceled();
            }
            _settleWaiters.Clear();
        }
    }

    /// <summary>Completes once every change committed before the call has been handled by the controllers.</summary>
    public Task SettleAsync()
    {
        lock (_progressGate)
        {
            if (_handled >= _requested)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _settleWaiters.Add((_requested, done));
            return done.Task;
        }
    }

    private void OnCommitted(StoredEvent stored)
    {
        if (stored.Type == ChangeType.Deleted || JsonTree.IsDeleting(stored.Object) || stored.Object["metadata"]?["ownerReferences"] is not null)
        {
            lock (_progressGate)
            {
                _requested++;
            }
            _wake.Writer.TryWrite(true);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await _wake.Reader.WaitToReadAsync(cancellationToken))
        {
            _wake.Reader.TryRead(out _);
            long target;
            lock (_progressGate)
            {
                target = _requested;
            }
            // Each pass makes progress or stops; the bound guards against a rule that keeps re-firing.
            for (var pass = 0; pass < 1000 && RunPassSafely(); pass++)
            {
            }
            MarkHandled(target);
        }
    }

    private void MarkHandled(long target)
    {
        List<TaskCompletionSource> ready;
        lock (_progressGate)
        {
            // Changes the passes made themselves raised a new wake-up, handled by the next iteration.
            _handled = Math.Max(_handled, target);
            ready = _settleWaiters.Where(w => w.Target <= _handled).Select(w => w.Done).ToList();
            _settleWaiters.RemoveAll(w => w.Target <= _handled);
        }
        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    private bool RunPassSafely()
    {
        try
        {
            return RunPass();
        }
        catch (Errors.ApiException)
        {
            // An object a controller had to change became invalid (e.g. its CRD schema changed);
            // a real controller would retry later, the next commit wakes this loop again.
            return false;
        }
    }

    private bool RunPass()
    {
        var all = _store.All().ToList();
        var acted = CleanUpDeletedDefinitions(all);
        if (_garbageCollection)
        {
            var byUid = all.GroupBy(e => JsonTree.Uid(e.Object)).ToDictionary(g => g.Key, g => g.First());
            var dependents = new Dictionary<string, List<(StorageKey Key, JsonObject Object)>>();
            foreach (var entry in all)
            {
                foreach (var ownerUid in OwnerUids(entry.Object))
                {
                    if (!dependents.TryGetValue(ownerUid, out var list))
                    {
                        list = [];
                        dependents[ownerUid] = list;
                    }
                    list.Add(entry);
                }
            }
            acted |= ProcessForegroundDeletions(all, dependents);
            acted |= ProcessOrphanDeletions(all, dependents);
            acted |= CollectDanglingDependents(all, byUid);
            acted |= CleanUpTerminatingNamespaces(all);
        }
        return acted;
    }

    private bool CleanUpDeletedDefinitions(List<(StorageKey Key, JsonObject Object)> all)
    {
        var acted = false;
        var crdType = BuiltInResourceTypes.CustomResourceDefinitions;
        foreach (var (_, crd) in all.Where(e => e.Key == crdType.Key && JsonTree.IsDeleting(e.Object)))
        {
            if (!JsonTree.Finalizers(crd).Contains(CustomResourceDefinitions.CleanupFinalizer))
            {
                continue;
            }
            var key = new StorageKey(crd["spec"]!["group"]!.GetValue<string>(), crd["spec"]!["names"]!["plural"]!.GetValue<string>());
            var instances = all.Where(e => e.Key == key).ToList();
            if (instances.Count > 0)
            {
                if (_registry.FindStorage(key) is { } instanceType)
                {
                    foreach (var (_, instance) in instances.Where(i => !JsonTree.IsDeleting(i.Object)))
                    {
                        _operations.DeleteByController(instanceType, instance, "Background");
                        acted = true;
                    }
                }
                continue;
            }
            _operations.UpdateByController(crdType, crd, "apiextensions-controller", RemoveFinalizer(CustomResourceDefinitions.CleanupFinalizer));
            acted = true;
        }
        return acted;
    }

    private bool ProcessForegroundDeletions(List<(StorageKey Key, JsonObject Object)> all,
        Dictionary<string, List<(StorageKey Key, JsonObject Object)>> dependents)
    {
        var acted = false;
        foreach (var (key, owner) in all.Where(e => JsonTree.IsDeleting(e.Object) && JsonTree.Finalizers(e.Object).Contains(ResourceOperations.ForegroundFinalizer)))
        {
            var uid = JsonTree.Uid(owner);
            var children = dependents.GetValueOrDefault(uid) ?? [];
            foreach (var (childKey, child) in children.Where(c => !JsonTree.IsDeleting(c.Object)))
            {
                if (_registry.FindStorage(childKey) is { } childType)
                {
                    var policy = dependents.ContainsKey(JsonTree.Uid(child)) ? "Foreground" : "Background";
                    _operations.DeleteByController(childType, child, policy);
                    acted = true;
                }
            }
            var blocking = children.Any(c => OwnerReference(c.Object, uid)?["blockOwnerDeletion"]?.GetValue<bool>() == true);
            if (!blocking && _registry.FindStorage(key) is { } ownerType)
            {
                _operations.UpdateByController(ownerType, owner, GarbageCollectorManager, RemoveFinalizer(ResourceOperations.ForegroundFinalizer));
                acted = true;
            }
        }
        return acted;
    }

    private bool ProcessOrphanDeletions(List<(StorageKey Key, JsonObject Object)> all,
        Dictionary<string, List<(StorageKey Key, JsonObject Object)>> dependents)
    {
        var acted = false;
        foreach (var (key, owner) in all.Where(e => JsonTree.IsDeleting(e.Object) && JsonTree.Finalizers(e.Object).Contains(ResourceOperations.OrphanFinalizer)))
        {
            var uid = JsonTree.Uid(owner);
            foreach (var (childKey, child) in dependents.GetValueOrDefault(uid) ?? [])
            {
                if (_registry.FindStorage(childKey) is { } childType)
                {
                    _operations.UpdateByController(childType, child, GarbageCollectorManager, RemoveOwnerReferences([uid]));
                }
            }
            if (_registry.FindStorage(key) is { } ownerType)
            {
                _operations.UpdateByController(ownerType, owner, GarbageCollectorManager, RemoveFinalizer(ResourceOperations.OrphanFinalizer));
                acted = true;
            }
        }
        return acted;
    }

    private bool CollectDanglingDependents(List<(StorageKey Key, JsonObject Object)> all,
        Dictionary<string, (StorageKey Key, JsonObject Object)> byUid)
    {
        var acted = false;
        foreach (var (key, obj) in all.Where(e => !JsonTree.IsDeleting(e.Object)))
        {
            var owners = OwnerUids(obj).ToList();
            if (owners.Count == 0 || _registry.FindStorage(key) is not { } type)
            {
                continue;
            }
            var absent = owners.Where(uid => !byUid.ContainsKey(uid)).ToList();
            if (absent.Count == owners.Count)
            {
                _operations.DeleteByController(type, obj, "Background");
                acted = true;
            }
            else if (absent.Count > 0)
            {
                _operations.UpdateByController(type, obj, GarbageCollectorManager, RemoveOwnerReferences(absent));
                acted = true;
            }
        }
        return acted;
    }

    private bool CleanUpTerminatingNamespaces(List<(StorageKey Key, JsonObject Object)> all)
    {
        var acted = false;
        var namespaceKey = BuiltInResourceTypes.Namespaces.Key;
        foreach (var (_, ns) in all.Where(e => e.Key == namespaceKey && JsonTree.IsDeleting(e.Object)))
        {
            var name = JsonTree.Name(ns);
            var contents = all.Where(e => e.Key != namespaceKey && JsonTree.Namespace(e.Object) == name).ToList();
            if (contents.Count > 0)
            {
                foreach (var (key, obj) in contents.Where(c => !JsonTree.IsDeleting(c.Object)))
                {
                    if (_registry.FindStorage(key) is { } type)
                    {
                        _operations.DeleteByController(type, obj, "Background");
                        acted = true;
                    }
                }
                continue;
            }
            if (ns["spec"]?["finalizers"] is JsonArray { Count: > 0 })
            {
                _operations.FinalizeNamespace(ns);
                acted = true;
            }
        }
        return acted;
    }

    private static IEnumerable<string> OwnerUids(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Select(r => r["uid"]?.GetValue<string>() ?? "").Where(uid => uid.Length > 0) ?? [];

    private static JsonObject? OwnerReference(JsonObject obj, string ownerUid) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => r["uid"]?.GetValue<string>() == ownerUid);

    private static Action<JsonObject> RemoveFinalizer(string finalizer) => obj =>
    {
        var finalizers = JsonTree.Finalizers(obj);
        finalizers.Remove(finalizer);
        JsonTree.SetFinalizers(obj, finalizers);
    };

    private static Action<JsonObject> RemoveOwnerReferences(IReadOnlyCollection<string> uids) => obj =>
    {
        var metadata = JsonTree.Metadata(obj);
        if (metadata["ownerReferences"] is not JsonArray references)
        {
            return;
        }
        var kept = references.OfType<JsonObject>().Where(r => !uids.Contains(r["uid"]?.GetValue<string>() ?? "")).Select(r => r.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            metadata.Remove("ownerReferences");
        }
        else
        {
            metadata["ownerReferences"] = new JsonArray(kept);
        }
    };
}
