using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Skyforge.Runtime.Metrics;

/// <summary>
/// Instruments of meter <c>Skyforge.Runtime</c>: reconciles per controller and result, work-queue
/// depth, adds, retries, time in queue and time in work, informer activity, and leadership.
/// </summary>
public sealed class RuntimeMetrics
{
    public const string MeterName = "Skyforge.Runtime";
    public const string ReconcileTotal = "skyforge_reconcile_total";
    public const string ReconcileDuration = "skyforge_reconcile_duration_seconds";
    public const string QueueDepth = "skyforge_workqueue_depth";
    public const string QueueAdds = "skyforge_workqueue_adds_total";
    public const string QueueRetries = "skyforge_workqueue_retries_total";
    public const string QueueLatency = "skyforge_workqueue_queue_duration_seconds";
    public const string QueueWorkDuration = "skyforge_workqueue_work_duration_seconds";
    public const string InformerEvents = "skyforge_informer_events_total";
    public const string InformerLists = "skyforge_informer_lists_total";
    public const string InformerWatchFailures = "skyforge_informer_watch_failures_total";
    public const string IsLeader = "skyforge_leader_election_is_leader";

    private static readonly Meter SharedMeter = new(MeterName);

    // Queue latency spans fast requeues (ms) to backoff-limited waits; p50/p99 need resolution at both ends.
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _reconcileDuration;
    private readonly UpDownCounter<long> _queueDepth;
    private readonly Counter<long> _queueAdds;
    private readonly Counter<long> _queueRetries;
    private readonly Histogram<double> _queueLatency;
    private readonly Histogram<double> _queueWorkDuration;
    private readonly Counter<long> _informerEvents;
    private readonly Counter<long> _informerLists;
    private readonly Counter<long> _informerWatchFailures;
    private readonly UpDownCounter<long> _isLeader;

    /// <param name="meterFactory">The host's factory; without one, a process-wide meter is used.</param>
    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        var latencyAdvice = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        _reconciles = meter.CreateCounter<long>(ReconcileTotal, description: "Reconciles by controller and result");
        _reconcileDuration = meter.CreateHistogram(ReconcileDuration, "s", "Reconcile duration by controller and result", null, latencyAdvice);
        _queueDepth = meter.CreateUpDownCounter<long>(QueueDepth, description: "Keys waiting in a work queue (not delayed, not in progress)");
        _queueAdds = meter.CreateCounter<long>(QueueAdds, description: "Keys added to a work queue (after de-duplication)");
        _queueRetries = meter.CreateCounter<long>(QueueRetries, description: "Rate-limited re-adds after failures");
        _queueLatency = meter.CreateHistogram(QueueLatency, "s", "Time a key waited in the queue before a worker took it", null, latencyAdvice);
        _queueWorkDuration = meter.CreateHistogram(QueueWorkDuration, "s", "Time a worker held a key", null, latencyAdvice);
        _informerEvents = meter.CreateCounter<long>(InformerEvents, description: "Watch events applied to informer caches by resource and type");
        _informerLists = meter.CreateCounter<long>(InformerLists, description: "Full lists by informers (initial and after 410 Gone)");
        _informerWatchFailures = meter.CreateCounter<long>(InformerWatchFailures, description: "Watches that failed and were retried with backoff");
        _isLeader = meter.CreateUpDownCounter<long>(IsLeader, description: "1 while this process holds the lease");
    }

    public void Reconciled(string controller, string result, TimeSpan duration)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        _reconciles.Add(1, tags);
        _reconcileDuration.Record(duration.TotalSeconds, tags);
    }

    public void QueueDepthChanged(string queue, int delta) => _queueDepth.Add(delta, new KeyValuePair<string, object?>("name", queue));

    public void QueueAdded(string queue) => _queueAdds.Add(1, new KeyValuePair<string, object?>("name", queue));

    public void QueueRetried(string queue) => _queueRetries.Add(1, new KeyValuePair<string, object?>("name", queue));

    public void QueueWaited(string queue, TimeSpan latency) => _queueLatency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("name", queue));

    public void QueueWorked(string queue, TimeSpan duration) => _queueWorkDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("name", queue));

    public void InformerEvent(string resource, string type) =>
        _informerEvents.Add(1, new TagList { { "resource", resource }, { "type", type } });

    public void InformerListed(string resource) => _informerLists.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void InformerWatchFailed(string resource) => _informerWatchFailures.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void LeadershipChanged(string lease, bool leading) => _isLeader.Add(leading ? 1 : -1, new KeyValuePair<string, object?>("lease", lease));
}
