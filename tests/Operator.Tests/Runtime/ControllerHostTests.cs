using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Runtime;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.LeaderElection;
using Skyforge.Runtime.Queue;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class ControllerHostTests : IAsyncLifetime
{
    /// <summary>Timers every test has anyway: the one informer's watch deadline.</summary>
    private const int WatchDeadlines = 1;

    private static readonly ResourceType Widgets = new("example.com", "v1", "widgets", "Widget", Namespaced: true);

    private readonly ManualTimeProvider _time = new();
    private readonly FakeApi _api = new FakeApi().Serve(Widgets).Serve(ResourceTypes.ConfigMaps).Serve(ResourceTypes.Secrets);
    private readonly List<ControllerHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _api.Dispose();
    }

    private ControllerHost Host(ControllerDefinition definition, LeaderElector? elector = null)
    {
        var informers = new SharedInformerFactory(_api.Client, null, _time);
        var host = new ControllerHost(informers, [definition], _time, elector);
        _hosts.Add(host);
        return host;
    }

    private static ControllerBuilder Widget(int workers = 1) => new ControllerBuilder("widgets", Widgets)
        .WithWorkers(workers)
        // The fake clock never advances on its own; the default bucket limiter is fine, only per-item backoff matters here.
        .WithRateLimiter(time => new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

    private void OwnedConfigMap(string @namespace, string name, string owner, long change = 0) =>
        _api.Put(ResourceTypes.ConfigMaps, @namespace, name, obj =>
        {
            obj["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "example.com/v1",
                ["kind"] = "Widget",
                ["name"] = owner,
                ["uid"] = $"uid-{owner}",
                ["controller"] = true,
            });
            obj["data"] = new JsonObject { ["change"] = change };
        });

    [Fact]
    public async Task Every_existing_object_is_reconciled_once_the_caches_are_synced()
    {
        _api.Put(Widgets, "team-a", "one");
        _api.Put(Widgets, "team-b", "two");
        var reconciler = new RecordingReconciler();
        var host = Host(Widget().Build(reconciler));

        await host.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 2, "both widgets were reconciled");
        Assert.Equal(["team-a/one", "team-b/two"], reconciler.Keys.Select(key => key.ToString()).Order());
        Assert.True(host.IsReady);
        Assert.True(host.IsLeader);
    }

    [Fact]
    public async Task Changes_to_owned_objects_reconcile_their_owner()
    {
        _api.Put(Widgets, "team-a", "one");
        var reconciler = new RecordingReconciler();
        var host = Host(Widget().Owns(ResourceTypes.ConfigMaps).Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 1, "the initial reconcile ran");

        OwnedConfigMap("team-a", "one-config", "one");
        _api.Put(ResourceTypes.ConfigMaps, "team-a", "unowned");

        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 2, "the owner was reconciled again");
        Assert.All(reconciler.Keys, key => Assert.Equal(new ObjectKey("team-a", "one"), key));
    }

    [Fact]
    public async Task Objects_labelled_with_their_primary_reconcile_it_across_namespaces()
    {
        _api.Put(Widgets, "team-a", "one");
        var reconciler = new RecordingReconciler();
        var host = Host(Widget().WatchesByLabels(ResourceTypes.Secrets, "example.com/owner-name", "example.com/owner-namespace").Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 1, "the initial reconcile ran");

        _api.Put(ResourceTypes.Secrets, "shared", "credentials", obj => obj["metadata"]!["labels"] = new JsonObject
        {
            ["example.com/owner-name"] = "one",
            ["example.com/owner-namespace"] = "team-a",
        });

        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 2, "the labelled owner was reconciled");
        Assert.Equal(new ObjectKey("team-a", "one"), reconciler.Keys.Last());
        Assert.Equal("example.com/owner-name", _api.Handler.Requests.First(request => request.Path == "/api/v1/secrets").QueryValue("labelSelector"));
    }

    [Fact]
    public async Task Requeue_after_comes_back_after_the_delay_and_not_before()
    {
        _api.Put(Widgets, "team-a", "one");
        var reconciler = new RecordingReconciler((_, _) => Task.FromResult(ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30))));
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => _time.ActiveTimerCount == WatchDeadlines + 1, "the requeue is scheduled");

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(reconciler.Keys);
        _time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 2, "the widget came back after 30 s");
    }

    [Fact]
    public async Task The_latest_result_decides_when_to_look_again_even_when_an_earlier_one_asked_sooner()
    {
        _api.Put(Widgets, "team-a", "one");
        var results = new Queue<ReconcileResult>([ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(15)), ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(10))]);
        var reconciler = new RecordingReconciler((_, _) => Task.FromResult(results.TryDequeue(out var next) ? next : ReconcileResult.Done));
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Completed == 1 && _time.ActiveTimerCount == WatchDeadlines + 1, "a 15 s re-check is scheduled");

        _api.Put(Widgets, "team-a", "one", obj => obj["metadata"]!["labels"] = new JsonObject { ["changed"] = "yes" });
        await Eventually.HoldsAsync(() => reconciler.Completed == 2 && _time.ActiveTimerCount == WatchDeadlines + 1, "the change reconciled and scheduled a 10 min look");
        _time.Advance(TimeSpan.FromSeconds(16));
        await Task.Delay(100);
        Assert.Equal(2, reconciler.Completed);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.HoldsAsync(() => reconciler.Completed == 3, "the 10 min look");
    }

    [Fact]
    public async Task Errors_retry_with_growing_backoff_and_success_resets_it()
    {
        _api.Put(Widgets, "team-a", "one");
        var failures = 2;
        var reconciler = new RecordingReconciler((request, _) => Task.FromResult(
            Interlocked.Decrement(ref failures) >= 0 ? ReconcileResult.Failed("AWS throttled") : ReconcileResult.Done));
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Completed == 1 && _time.ActiveTimerCount == WatchDeadlines + 1, "the first attempt failed and a retry is scheduled");

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => reconciler.Completed == 2 && _time.ActiveTimerCount == WatchDeadlines + 1, "retried after 1 s, and scheduled again");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, reconciler.Keys.Count);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        await Eventually.HoldsAsync(() => reconciler.Completed == 3, "retried after 2 s more");

        Assert.Equal([0, 1, 2], reconciler.Requests.Select(request => request.PreviousFailures));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, reconciler.Keys.Count);
    }

    [Fact]
    public async Task Exceptions_count_as_errors()
    {
        _api.Put(Widgets, "team-a", "one");
        var attempts = 0;
        var reconciler = new RecordingReconciler((_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("boom")
            : Task.FromResult(ReconcileResult.Done));
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Completed == 1 && _time.ActiveTimerCount == WatchDeadlines + 1, "the first attempt threw and a retry is scheduled");

        _time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.HoldsAsync(() => reconciler.Completed == 2, "the key was retried");
    }

    [Fact]
    public async Task Terminal_results_wait_for_the_object_to_change()
    {
        _api.Put(Widgets, "team-a", "one");
        var reconciler = new RecordingReconciler((_, _) => Task.FromResult(ReconcileResult.Terminal("spec.engine is not supported")));
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Completed == 1, "the first attempt gave up");

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Single(reconciler.Keys);
        _api.Put(Widgets, "team-a", "one", obj => obj["spec"] = new JsonObject { ["engine"] = "postgres" });

        await Eventually.HoldsAsync(() => reconciler.Keys.Count == 2, "the changed object was reconciled");
    }

    [Fact]
    public async Task A_key_is_never_reconciled_by_two_workers_at_once()
    {
        foreach (var i in Enumerable.Range(0, 4))
        {
            _api.Put(Widgets, "team-a", $"w{i}");
        }
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            await Task.Yield();
            return ReconcileResult.Done;
        });
        var host = Host(Widget(workers: 4).Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.Completed == 4, "the initial reconciles ran");

        for (var round = 0; round < 50; round++)
        {
            _api.Put(Widgets, "team-a", $"w{round % 4}", obj => obj["spec"] = new JsonObject { ["round"] = round });
        }

        await Eventually.HoldsAsync(() => reconciler.Keys.Count >= 5 && reconciler.InFlight == 0 && reconciler.Completed == reconciler.Keys.Count, "the burst was worked off");
        Assert.Equal(0, reconciler.Overlaps);
        Assert.Equal(4, reconciler.Keys.Distinct().Count());
    }

    [Fact]
    public async Task Stopping_waits_for_the_reconcile_in_flight()
    {
        _api.Put(Widgets, "team-a", "one");
        var release = new TaskCompletionSource();
        CancellationToken seenToken = default;
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            seenToken = token;
            await release.Task;
            return ReconcileResult.Done;
        });
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.InFlight == 1, "a reconcile is running");

        var stopping = host.StopAsync(CancellationToken.None);
        await Task.Yield();
        Assert.False(stopping.IsCompleted);
        Assert.False(seenToken.IsCancellationRequested);
        release.SetResult();

        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, reconciler.Completed);
    }

    [Fact]
    public async Task Stopping_out_of_time_cancels_the_reconcile_in_flight()
    {
        _api.Put(Widgets, "team-a", "one");
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ReconcileResult.Done;
        });
        var host = Host(Widget().Build(reconciler));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.InFlight == 1, "a reconcile is running");

        await host.StopAsync(new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, reconciler.InFlight);
    }

    [Fact]
    public async Task A_standby_reconciles_nothing_but_is_ready_once_it_knows_the_leader()
    {
        _api.Put(Widgets, "team-a", "one");
        var store = new InMemoryLeaseStore();
        var leaderRun = new LeaderElector(store.For("other"), Election("other"), _time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .RunAsync(lost => Task.Delay(Timeout.Infinite, lost).ContinueWith(_ => { }), CancellationToken.None);
        await Eventually.HoldsAsync(() => store.Current?.HolderIdentity == "other", "another process leads");
        var reconciler = new RecordingReconciler();
        var host = Host(Widget().Build(reconciler), new LeaderElector(store.For("me"), Election("me"), _time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

        await host.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => host.IsReady, "the standby is ready");
        Assert.False(host.IsLeader);
        Assert.Empty(reconciler.Keys);
        Assert.False(leaderRun.IsCompleted);
    }

    [Fact]
    public async Task Losing_leadership_cancels_reconciles_at_once()
    {
        _api.Put(Widgets, "team-a", "one");
        var store = new InMemoryLeaseStore();
        var reconciler = new RecordingReconciler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ReconcileResult.Done;
        });
        var host = Host(Widget().Build(reconciler), new LeaderElector(store.For("me"), Election("me"), _time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        await host.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => reconciler.InFlight == 1, "the leader is reconciling");

        store.CutOff("me");
        for (var step = 0; step < 50 && reconciler.InFlight > 0; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }

        await Eventually.HoldsAsync(() => reconciler.InFlight == 0 && !host.IsLeader, "the reconcile was cancelled");
        Assert.Equal(0, host.RunningControllers);
    }

    private static LeaderElectionOptions Election(string identity) => new() { LeaseName = "lock", LeaseNamespace = "test", Identity = identity };

    private sealed class RecordingReconciler(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>>? reconcile = null) : IReconciler
    {
        private readonly ConcurrentDictionary<ObjectKey, int> _running = new();
        private readonly ConcurrentQueue<ReconcileRequest> _requests = new();
        private int _inFlight;
        private int _overlaps;
        private int _completed;

        public IReadOnlyList<ReconcileRequest> Requests => [.. _requests];

        public IReadOnlyList<ObjectKey> Keys => [.. _requests.Select(request => request.Key)];

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Overlaps => Volatile.Read(ref _overlaps);

        public int Completed => Volatile.Read(ref _completed);

        public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            if (_running.AddOrUpdate(request.Key, 1, (_, count) => count + 1) > 1)
            {
                Interlocked.Increment(ref _overlaps);
            }
            Interlocked.Increment(ref _inFlight);
            try
            {
                return reconcile is null ? ReconcileResult.Done : await reconcile(request, cancellationToken);
            }
            finally
            {
                _running.AddOrUpdate(request.Key, 0, (_, count) => count - 1);
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _completed);
            }
        }
    }
}
