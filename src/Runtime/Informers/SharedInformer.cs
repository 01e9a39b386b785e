using System.Text.Json;
using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Watching;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.Informers;

/// <summary>
/// One list+watch per scope, shared by every controller that needs it. Lists page by page, then
/// watches from the list's resourceVersion with bookmarks; a closed watch resumes from the last
/// version seen; a failing one is retried with backoff; 410 Gone triggers a fresh list whose
/// differences reach handlers as adds, updates and deletes, so no change is lost.
/// </summary>
public sealed class SharedInformer : IAsyncDisposable
{
    private static readonly TimeSpan ShortestHealthyWatch = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past its own timeoutSeconds a watch may stay open: a connection that died silently
    /// (lost NAT entry, load-balancer failover) never delivers the server's end of stream.
    /// </summary>
    private static readonly TimeSpan WatchDeadlineGrace = TimeSpan.FromSeconds(30);

    private readonly IKubernetesClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics _metrics;
    private readonly InformerOptions _options;
    private readonly Lock _dispatchGate = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private IResourceEventHandler[] _handlers = [];
    private Task? _loop;
    private volatile string? _lastResourceVersion;

    public SharedInformer(IKubernetesClient client, InformerScope scope, TimeProvider timeProvider, ILogger logger, RuntimeMetrics metrics, InformerOptions? options = null)
    {
        _client = client;
        Scope = scope;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _options = options ?? new InformerOptions();
    }

    public InformerScope Scope { get; }

    public ObjectStore Store { get; } = new();

    /// <summary>True once the first list is in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The newest resourceVersion seen (list, event or bookmark): where the next watch starts.</summary>
    public string? LastResourceVersion => _lastResourceVersion;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Subscribes a handler. Objects already cached are replayed to it as adds first, so a late
    /// subscriber sees the same world as an early one. Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable AddEventHandler(IResourceEventHandler handler)
    {
        lock (_dispatchGate)
        {
            foreach (var obj in Store.List())
            {
                Deliver(handler, h => h.OnAdd(obj, isInitialList: true));
            }
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(this, handler);
    }

    /// <summary>Starts the list+watch loop (once).</summary>
    public void Start()
    {
        lock (_dispatchGate)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        var needsList = true;
        WatchProgress? watch = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needsList)
                {
                    await ListAsync(cancellationToken);
                    needsList = false;
                }
                watch = new WatchProgress { Started = _timeProvider.GetTimestamp() };
                await WatchAsync(watch, cancellationToken);
                if (IsHealthy(watch))
                {
                    backoff.Reset();
                    continue;
                }
                // A watch the server ends at once, empty-handed, would otherwise become a busy loop.
                await Task.Delay(backoff.Next(), _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesGoneException)
            {
                _logger.LogInformation("Watch of {Scope} fell behind the server's history (410 Gone); listing again", Scope);
                needsList = true;
            }
            catch (Exception ex)
            {
                _metrics.InformerWatchFailed(Scope.Type.GroupResource);
                if (!needsList && IsHealthy(watch))
                {
                    // A watch that worked for a while and then broke is a fresh failure, not the next in a series.
                    backoff.Reset();
                }
                var delay = backoff.Next();
                _logger.LogWarning(ex, "{Operation} of {Scope} failed; retrying in {DelaySeconds:0.0} s", needsList ? "List" : "Watch", Scope, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var options = new ListOptions { LabelSelector = Scope.Selector, Limit = _options.PageSize };
        var list = await _client.ListAllAsync(Scope.Type, Scope.Namespace, options, KubernetesJsonContext.Default.JsonElement, cancellationToken);
        _metrics.InformerListed(Scope.Type.GroupResource);
        var initial = !HasSynced;
        lock (_dispatchGate)
        {
            var listed = new HashSet<ObjectKey>();
            foreach (var item in list.Items)
            {
                if (TryCache(item) is not { } obj)
                {
                    continue;
                }
                listed.Add(obj.Key);
                var previous = Store.Upsert(obj);
                if (previous is null)
                {
                    Dispatch(h => h.OnAdd(obj, initial));
                }
                else if (previous.ResourceVersion != obj.ResourceVersion)
                {
                    Dispatch(h => h.OnUpdate(previous, obj));
                }
            }
            // Objects deleted while no watch was running exist only in the cache now.
            foreach (var key in Store.Keys())
            {
                if (!listed.Contains(key) && Store.Remove(key) is { } removed)
                {
                    Dispatch(h => h.OnDelete(removed));
                }
            }
            _lastResourceVersion = list.ResourceVersion;
        }
        _synced.TrySetResult();
        _logger.LogDebug("Listed {Count} objects of {Scope} at resourceVersion {ResourceVersion}", list.Items.Count, Scope, list.ResourceVersion);
    }

    private bool IsHealthy(WatchProgress? watch) =>
        watch is not null && (watch.SawEvents || _timeProvider.GetElapsedTime(watch.Started) >= ShortestHealthyWatch);

    private async Task WatchAsync(WatchProgress progress, CancellationToken cancellationToken)
    {
        var timeoutRange = Math.Max(0, (_options.MaxWatchTimeout - _options.MinWatchTimeout).TotalSeconds);
        var timeoutSeconds = (int)(_options.MinWatchTimeout.TotalSeconds + Random.Shared.NextDouble() * timeoutRange);
        var options = new WatchOptions
        {
            ResourceVersion = _lastResourceVersion,
            AllowWatchBookmarks = true,
            LabelSelector = Scope.Selector,
            TimeoutSeconds = timeoutSeconds,
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds) + WatchDeadlineGrace, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await foreach (var watchEvent in _client.WatchAsync(Scope.Type, Scope.Namespace, options, KubernetesJsonContext.Default.JsonElement, linked.Token))
            {
                progress.SawEvents = true;
                _metrics.InformerEvent(Scope.Type.GroupResource, watchEvent.Type.ToString());
                if (watchEvent.Type != WatchEventType.Bookmark)
                {
                    Apply(watchEvent);
                }
                if (!string.IsNullOrEmpty(watchEvent.ResourceVersion))
                {
                    _lastResourceVersion = watchEvent.ResourceVersion;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Watch of {Scope} outlived its timeout without the server ending it; reconnecting", Scope);
        }
    }

    /// <summary>What one watch connection achieved, kept across an exception so backoff can judge it.</summary>
    private sealed class WatchProgress
    {
        public long Started { get; init; }

        public bool SawEvents { get; set; }
    }

    private void Apply(WatchEvent<JsonElement> watchEvent)
    {
        if (TryCache(watchEvent.Object) is not { } obj)
        {
            return;
        }
        lock (_dispatchGate)
        {
            if (watchEvent.Type == WatchEventType.Deleted)
            {
                Store.Remove(obj.Key);
                Dispatch(h => h.OnDelete(obj));
                return;
            }
            var previous = Store.Upsert(obj);
            if (previous is null)
            {
                Dispatch(h => h.OnAdd(obj, isInitialList: false));
            }
            else
            {
                Dispatch(h => h.OnUpdate(previous, obj));
            }
        }
    }

    private CachedObject? TryCache(JsonElement item)
    {
        try
        {
            return CachedObject.From(item);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning("Ignoring a malformed object of {Scope}: {Reason}", Scope, ex.Message);
            return null;
        }
    }

    private void Dispatch(Action<IResourceEventHandler> action)
    {
        foreach (var handler in _handlers)
        {
            Deliver(handler, action);
        }
    }

    private void Deliver(IResourceEventHandler handler, Action<IResourceEventHandler> action)
    {
        try
        {
            action(handler);
        }
        catch (Exception ex)
        {
            // One faulty subscriber must not stop the cache or starve the others.
            _logger.LogError(ex, "An event handler of {Scope} failed", Scope);
        }
    }

    private void Remove(IResourceEventHandler handler)
    {
        lock (_dispatchGate)
        {
            _handlers = [.. _handlers.Where(existing => !ReferenceEquals(existing, handler))];
        }
    }

    private sealed class Subscription(SharedInformer informer, IResourceEventHandler handler) : IDisposable
    {
        public void Dispose() => informer.Remove(handler);
    }
}
