using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class SharedInformerTests : IAsyncLifetime
{
    private readonly FakeApi _api = new FakeApi().Serve(ResourceTypes.ConfigMaps);
    private readonly RecordingHandler _events = new();
    private SharedInformer _informer = null!;

    private static readonly InformerOptions FastRetries = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50) };

    public Task InitializeAsync()
    {
        _informer = NewInformer(null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _informer.DisposeAsync();
        _api.Dispose();
    }

    private SharedInformer NewInformer(LabelSelector? selector) =>
        new(_api.Client, new InformerScope(ResourceTypes.ConfigMaps, "team-a", selector), TimeProvider.System, NullLogger.Instance, new RuntimeMetrics(), FastRetries);

    private async Task StartAndSyncAsync()
    {
        _informer.AddEventHandler(_events);
        _informer.Start();
        await _informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => _api.WatchCount == 1, "the informer watches");
    }

    [Fact]
    public async Task The_first_list_fills_the_cache_and_reports_initial_adds()
    {
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "one");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "two");
        _api.Put(ResourceTypes.ConfigMaps, "team-b", "elsewhere");

        await StartAndSyncAsync();

        Assert.True(_informer.HasSynced);
        Assert.Equal(["one", "two"], _informer.Store.List().Select(obj => obj.Key.Name).Order());
        Assert.Equal(["add:one:initial", "add:two:initial"], _events.Log.Order());
    }

    [Fact]
    public async Task The_watch_starts_at_the_lists_version_and_applies_every_change()
    {
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "one");
        await StartAndSyncAsync();
        Assert.Equal(_informer.LastResourceVersion, _api.WatchResourceVersions.Single());

        _api.Put(ResourceTypes.ConfigMaps, "team-a", "two");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "one", obj => obj["data"] = new System.Text.Json.Nodes.JsonObject { ["k"] = "v" });
        _api.Delete(ResourceTypes.ConfigMaps, "team-a", "two");

        await Eventually.HoldsAsync(() => _events.Log.Count == 4, "every change arrived");
        Assert.Equal(["add:one:initial", "add:two", "update:one", "delete:two"], _events.Log);
        Assert.Equal("v", _informer.Store.Get("team-a", "one")!.ToJsonObject()["data"]!["k"]!.ToString());
        Assert.Null(_informer.Store.Get("team-a", "two"));
    }

    [Fact]
    public async Task Bookmarks_advance_the_resource_version_without_events()
    {
        await StartAndSyncAsync();
        var before = long.Parse(_informer.LastResourceVersion!);

        _api.SendBookmark(ResourceTypes.ConfigMaps);

        await Eventually.HoldsAsync(() => long.Parse(_informer.LastResourceVersion!) > before, "the bookmark moved the version");
        Assert.Empty(_events.Log);
    }

    [Fact]
    public async Task A_closed_watch_resumes_from_the_last_version_without_losing_or_repeating_events()
    {
        await StartAndSyncAsync();
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "before");
        await Eventually.HoldsAsync(() => _events.Log.Count == 1, "the first change arrived");
        var lastSeen = _informer.LastResourceVersion;

        _api.CloseWatches();
        await Eventually.HoldsAsync(() => _api.WatchCount == 2, "the informer watches again");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "after");

        await Eventually.HoldsAsync(() => _events.Log.Count == 2, "the change after the reconnect arrived");
        Assert.Equal(lastSeen, _api.WatchResourceVersions.Last());
        Assert.Equal(["add:before", "add:after"], _events.Log);
        Assert.Equal(1, _api.ListCount);
    }

    [Fact]
    public async Task Gone_makes_the_informer_list_again_and_report_what_it_missed()
    {
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "kept");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "changed");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "removed");
        await StartAndSyncAsync();
        _events.Log.Clear();

        _api.DeleteUnseen(ResourceTypes.ConfigMaps, "team-a", "removed");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "changed", notify: false);
        _api.ExpireWatches();

        await Eventually.HoldsAsync(() => _events.Log.Count == 2, "the missed changes were reported");
        Assert.Equal(2, _api.ListCount);
        Assert.Equal(["delete:removed", "update:changed"], _events.Log.Order());
        Assert.DoesNotContain(_events.Log, entry => entry.EndsWith(":kept", StringComparison.Ordinal));
        Assert.Equal(["changed", "kept"], _informer.Store.List().Select(obj => obj.Key.Name).Order());
    }

    [Fact]
    public async Task A_late_subscriber_first_sees_the_cached_objects()
    {
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "one");
        await StartAndSyncAsync();
        var late = new RecordingHandler();

        using var subscription = _informer.AddEventHandler(late);

        Assert.Equal(["add:one:initial"], late.Log);
    }

    [Fact]
    public async Task An_unsubscribed_handler_hears_nothing_more()
    {
        await StartAndSyncAsync();
        var temporary = new RecordingHandler();
        _informer.AddEventHandler(temporary).Dispose();

        _api.Put(ResourceTypes.ConfigMaps, "team-a", "one");

        await Eventually.HoldsAsync(() => _events.Log.Count == 1, "the remaining handler heard the change");
        Assert.Empty(temporary.Log);
    }

    [Fact]
    public async Task The_cache_is_indexed_by_namespace_and_owner()
    {
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "owned", obj => obj["metadata"]!["ownerReferences"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = "web", ["uid"] = "owner-uid", ["controller"] = true }));
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "lonely", obj => obj["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["app"] = "x" });
        await StartAndSyncAsync();

        Assert.Equal("owned", Assert.Single(_informer.Store.ListByOwner("owner-uid")).Key.Name);
        Assert.Equal(2, _informer.Store.List("team-a").Count);
        Assert.Empty(_informer.Store.List("team-b"));
        Assert.Equal("lonely", Assert.Single(_informer.Store.List("team-a", LabelSelector.Everything.Equal("app", "x"))).Key.Name);
        Assert.Equal("web", _informer.Store.Get("team-a", "owned")!.ControllerReference!.Name);
    }

    [Fact]
    public async Task A_label_selected_informer_caches_only_matching_objects()
    {
        await _informer.DisposeAsync();
        _informer = NewInformer(LabelSelector.Everything.Equal("managed", "yes"));
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "ours", obj => obj["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["managed"] = "yes" });

        await StartAndSyncAsync();

        var listRequest = _api.Handler.Requests.First();
        Assert.Equal("managed=yes", listRequest.QueryValue("labelSelector"));
        Assert.Equal("managed=yes", _api.Handler.Requests.Last().QueryValue("labelSelector"));
    }

    private sealed class RecordingHandler : IResourceEventHandler
    {
        public ConcurrentQueueList Log { get; } = new();

        public void OnAdd(CachedObject obj, bool isInitialList) => Log.Add(isInitialList ? $"add:{obj.Key.Name}:initial" : $"add:{obj.Key.Name}");

        public void OnUpdate(CachedObject previous, CachedObject current) => Log.Add($"update:{current.Key.Name}");

        public void OnDelete(CachedObject lastKnown) => Log.Add($"delete:{lastKnown.Key.Name}");
    }

    /// <summary>A thread-safe append-only list that reads as a snapshot.</summary>
    private sealed class ConcurrentQueueList : IEnumerable<string>
    {
        private readonly Lock _gate = new();
        private readonly List<string> _items = [];

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _items.Count;
                }
            }
        }

        public void Add(string item)
        {
            lock (_gate)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _items.Clear();
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            lock (_gate)
            {
                return _items.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
