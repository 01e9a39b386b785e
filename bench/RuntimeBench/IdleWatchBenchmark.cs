using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.LeaderElection;
using Skyforge.Runtime.Metrics;

namespace Skyforge.RuntimeBench;

/// <summary>
/// (c) What an idle operator costs the API server: a ControllerHost with a synced informer and leader
/// election, nothing changing. Counts the requests the server receives from it over a window, split
/// into the informer's (list/watch) and the lease's, and the bookmarks that arrive on the open watch.
/// </summary>
internal static class IdleWatchBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchCluster cluster, BenchOptions options)
    {
        using var client = cluster.OperatorClient();
        await using var informers = new SharedInformerFactory(client, BenchCluster.Namespace, TimeProvider.System);
        var elector = new LeaderElector(
            new KubernetesLeaseLock(client, BenchCluster.Namespace, "runtime-bench"),
            new LeaderElectionOptions { LeaseName = "runtime-bench", LeaseNamespace = BenchCluster.Namespace, Identity = "bench" },
            TimeProvider.System,
            NullLogger.Instance);
        var controller = new ControllerBuilder("bench", ResourceTypes.ConfigMaps).Build(new NoOpReconciler(options.Objects));
        await using var host = new ControllerHost(informers, [controller], TimeProvider.System, elector);
        await host.StartAsync(CancellationToken.None);
        await informers.WaitForCacheSyncAsync(CancellationToken.None);
        while (!elector.IsLeader)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        using var bookmarks = new BookmarkCounter();
        var before = cluster.Server.Requests.ResourceRequests(BenchCluster.OperatorAgent).Count;
        var window = Stopwatch.StartNew();
        await Task.Delay(options.IdleWindow);
        window.Stop();
        var requests = cluster.Server.Requests.ResourceRequests(BenchCluster.OperatorAgent).Skip(before).ToList();
        await host.StopAsync(CancellationToken.None);

        var minutes = window.Elapsed.TotalMinutes;
        var informerRequests = requests.Where(request => request.Resource == "configmaps").ToList();
        var leaseRequests = requests.Where(request => request.Resource == "leases").ToList();
        var other = requests.Count - informerRequests.Count - leaseRequests.Count;
        return
        [
            new Measurement(
                "(c) idle informer requests/min",
                PerMinute(informerRequests.Count, minutes),
                $"{window.Elapsed.TotalSeconds:0} s window, {options.Objects:N0} cached ConfigMaps: {Count(informerRequests, "watch")} watch, {Count(informerRequests, "list")} list requests; " +
                $"{bookmarks.Count} bookmarks arrived on the open watch ({PerMinute(bookmarks.Count, minutes)}; the server sends one per 5 s); open watches at the end: {cluster.Server.Store.OpenWatchCount}"),
            new Measurement(
                "(c) idle leader-election requests/min",
                PerMinute(leaseRequests.Count, minutes),
                $"{Count(leaseRequests, "get")} get + {Count(leaseRequests, "update")} update of the Lease (renewal every 2 s); other requests: {other}"),
        ];
    }

    private static int Count(IEnumerable<Skyforge.TestKit.ApiServer.Recording.RecordedRequest> requests, string verb) => requests.Count(request => request.Verb == verb);

    private static string PerMinute(long count, double minutes) => $"{(count / minutes).ToString("0.0", CultureInfo.InvariantCulture)} /min";

    /// <summary>Counts BOOKMARK events applied by informers, from the runtime's own metric.</summary>
    private sealed class BookmarkCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public BookmarkCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Name == RuntimeMetrics.InformerEvents)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "type" && (string?)tag.Value == "Bookmark")
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
