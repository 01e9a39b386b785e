using System.Diagnostics;
using System.Globalization;
using Skyforge.Kubernetes;
using Skyforge.Runtime;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;

namespace Skyforge.RuntimeBench;

/// <summary>
/// (b) Keys through the work queue and workers to a no-op reconciler. The keys come the runtime's own
/// way: a ControllerHost subscribes to a synced informer, whose objects are replayed as adds; a mapped
/// watch fans each object out to further keys so one run carries enough keys to time. Measured from
/// host start (enqueueing included) until the last reconcile returned.
/// </summary>
internal static class ReconcileThroughputBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchCluster cluster, BenchOptions options)
    {
        var fanOut = Math.Max(0, options.Keys / options.Objects - 1);
        var keys = options.Objects * (1 + fanOut);
        var rows = new List<Measurement>();
        foreach (var workers in new[] { 1, 4 })
        {
            var rates = new List<double>();
            for (var run = 0; run <= options.Runs; run++)
            {
                var elapsed = await DrainOnceAsync(cluster, workers, fanOut, keys);
                if (run > 0)
                {
                    rates.Add(keys / elapsed.TotalSeconds);
                }
            }
            rows.Add(new Measurement(
                $"(b) reconciles/s, no-op reconciler, {workers} worker{(workers == 1 ? "" : "s")}",
                $"{Samples.Median(rates).ToString("N0", CultureInfo.InvariantCulture)} /s",
                $"{keys:N0} distinct keys enqueued and drained; median of {options.Runs} runs after a warm-up (range {Samples.Range(rates, "N0")} /s)"));
        }
        return rows;
    }

    private static async Task<TimeSpan> DrainOnceAsync(BenchCluster cluster, int workers, int fanOut, int keys)
    {
        using var client = cluster.OperatorClient();
        await using var informers = new SharedInformerFactory(client, BenchCluster.Namespace, TimeProvider.System);
        informers.Get(ResourceTypes.ConfigMaps);
        informers.Start();
        await informers.WaitForCacheSyncAsync(CancellationToken.None);
        var reconciler = new NoOpReconciler(keys);
        var controller = new ControllerBuilder("bench", ResourceTypes.ConfigMaps)
            .WithWorkers(workers)
            .Watches(ResourceTypes.ConfigMaps, obj => Enumerable.Range(0, fanOut).Select(copy => new ObjectKey(obj.Key.Namespace, $"{obj.Key.Name}#{copy}")))
            .Build(reconciler);
        await using var host = new ControllerHost(informers, [controller], TimeProvider.System);
        var clock = Stopwatch.StartNew();
        await host.StartAsync(CancellationToken.None);
        await reconciler.AllReconciled.WaitAsync(TimeSpan.FromMinutes(2));
        clock.Stop();
        await host.StopAsync(CancellationToken.None);
        return clock.Elapsed;
    }
}
