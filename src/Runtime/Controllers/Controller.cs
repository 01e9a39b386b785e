using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes.Errors;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.Metrics;
using Skyforge.Runtime.Queue;

namespace Skyforge.Runtime.Controllers;

/// <summary>
/// One running controller: informer events become keys in its work queue, N workers take keys and
/// reconcile them, and each result decides what happens to the key next.
/// </summary>
internal sealed class Controller
{
    private readonly ControllerDefinition _definition;
    private readonly SharedInformerFactory _informers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics _metrics;
    private readonly List<IDisposable> _subscriptions = [];
    private WorkQueue<ObjectKey>? _queue;
    private Task[] _workers = [];

    public Controller(ControllerDefinition definition, SharedInformerFactory informers, TimeProvider timeProvider, ILogger logger, RuntimeMetrics metrics)
    {
        _definition = definition;
        _informers = informers;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
    }

    public string Name => _definition.Name;

    /// <summary>The informers this controller reads, created (not started) so the host can start and sync them first.</summary>
    public static IReadOnlyList<SharedInformer> InformersOf(ControllerDefinition definition, SharedInformerFactory informers) =>
        [informers.Get(definition.For, definition.ForSelector), .. definition.Watches.Select(watch => informers.Get(watch.Type, watch.Selector))];

    /// <summary>Subscribes to the informers (existing objects are enqueued) and starts the workers.</summary>
    /// <param name="workersToken">Cancelled to stop reconciling at once (leadership lost, or shutdown out of time).</param>
    public void Start(CancellationToken workersToken)
    {
        var queue = new WorkQueue<ObjectKey>(_definition.Name, _definition.RateLimiter(_timeProvider), _timeProvider, _metrics);
        _queue = queue;
        var filter = _definition.PrimaryFilter;
        _subscriptions.Add(_informers.Get(_definition.For, _definition.ForSelector).AddEventHandler(new KeyEnqueuer(
            queue,
            obj => [obj.Key],
            (previous, current) => filter is null || filter(previous, current))));
        foreach (var watch in _definition.Watches)
        {
            _subscriptions.Add(_informers.Get(watch.Type, watch.Selector).AddEventHandler(new KeyEnqueuer(queue, watch.Map, null)));
        }
        _workers = [.. Enumerable.Range(0, _definition.Workers).Select(_ => Task.Run(() => WorkAsync(queue, workersToken)))];
    }

    /// <summary>Stops taking keys; in-flight reconciles finish (unless their token is cancelled) before this returns.</summary>
    public async Task StopAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _subscriptions.Clear();
        _queue?.ShutDown();
        await Task.WhenAll(_workers);
        _queue?.Dispose();
    }

    private async Task WorkAsync(WorkQueue<ObjectKey> queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            WorkItem<ObjectKey> next;
            try
            {
                next = await queue.GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (next.IsShutdown)
            {
                return;
            }
            try
            {
                await ReconcileAsync(queue, next.Item, cancellationToken);
            }
            finally
            {
                queue.Done(next.Item);
            }
        }
    }

    private async Task ReconcileAsync(WorkQueue<ObjectKey> queue, ObjectKey key, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await _definition.Reconciler.ReconcileAsync(new ReconcileRequest(key, queue.Failures(key)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the key is not retried here; whoever reconciles next starts from the cache.
            _metrics.Reconciled(_definition.Name, "canceled", _timeProvider.GetElapsedTime(started));
            return;
        }
        catch (Exception ex)
        {
            result = ReconcileResult.Failed(ex);
        }
        _metrics.Reconciled(_definition.Name, MetricResult(result.Outcome), _timeProvider.GetElapsedTime(started));
        // Only earlier results of this key schedule delayed adds, and this reconcile saw everything they would have:
        // its own result decides when to look next (a 15 s re-check left by "creating" must not outlive "available").
        queue.CancelDelayed(key);
        switch (result.Outcome)
        {
            case ReconcileOutcome.Done:
                queue.Forget(key);
                break;
            case ReconcileOutcome.RequeueAfter:
                queue.Forget(key);
                queue.AddAfter(key, result.Delay);
                break;
            case ReconcileOutcome.Terminal:
                queue.Forget(key);
                _logger.LogWarning("{Controller} gave up on {Key} until it changes: {Reason}", _definition.Name, key, result.Reason);
                break;
            default:
                LogFailure(key, result, queue.Failures(key) + 1);
                queue.AddRateLimited(key);
                break;
        }
    }

    private void LogFailure(ObjectKey key, ReconcileResult result, int attempt)
    {
        // A conflict only means the cache was behind: the retry reads the newer version.
        if (result.Error is KubernetesConflictException)
        {
            _logger.LogDebug("{Controller} hit a conflict on {Key} (attempt {Attempt}); retrying", _definition.Name, key, attempt);
            return;
        }
        _logger.LogWarning(result.Error, "{Controller} failed to reconcile {Key} (attempt {Attempt}): {Reason}", _definition.Name, key, attempt, result.Reason);
    }

    private static string MetricResult(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Done => "done",
        ReconcileOutcome.RequeueAfter => "requeue_after",
        ReconcileOutcome.Terminal => "terminal",
        _ => "error",
    };

    private sealed class KeyEnqueuer(
        WorkQueue<ObjectKey> queue,
        Func<CachedObject, IEnumerable<ObjectKey>> map,
        Func<CachedObject?, CachedObject, bool>? filter) : IResourceEventHandler
    {
        public void OnAdd(CachedObject obj, bool isInitialList)
        {
            if (filter is null || filter(null, obj))
            {
                Enqueue(obj);
            }
        }

        public void OnUpdate(CachedObject previous, CachedObject current)
        {
            if (filter is not null && !filter(previous, current))
            {
                return;
            }
            // The mapping may have changed (e.g. a label moved the object to another primary): tell both.
            Enqueue(previous);
            Enqueue(current);
        }

        public void OnDelete(CachedObject lastKnown) => Enqueue(lastKnown);

        private void Enqueue(CachedObject obj)
        {
            foreach (var key in map(obj))
            {
                queue.Add(key);
            }
        }
    }
}
