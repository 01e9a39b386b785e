using System.Diagnostics;
using System.Globalization;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Informers;

namespace Skyforge.RuntimeBench;

/// <summary>(a) From informer start to synced cache, with a fresh client each run as at process start.</summary>
internal static class InitialSyncBenchmark
{
    public static async Task<Measurement> RunAsync(BenchCluster cluster, BenchOptions options)
    {
        var timings = new List<double>();
        var listsBefore = ListRequests(cluster);
        for (var run = 0; run <= options.Runs; run++)
        {
            using var client = cluster.OperatorClient();
            await using var informers = new SharedInformerFactory(client, BenchCluster.Namespace, TimeProvider.System);
            var informer = informers.Get(ResourceTypes.ConfigMaps);
            var clock = Stopwatch.StartNew();
            informers.Start();
            await informers.WaitForCacheSyncAsync(CancellationToken.None);
            clock.Stop();
            if (informer.Store.Count != options.Objects)
            {
                throw new InvalidOperationException($"the cache holds {informer.Store.Count} objects, expected {options.Objects}");
            }
            if (run > 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        var pagesPerSync = (ListRequests(cluster) - listsBefore) / (options.Runs + 1);
        return new Measurement(
            $"(a) initial sync, {options.Objects:N0} ConfigMaps",
            $"{Samples.Median(timings).ToString("0.0", CultureInfo.InvariantCulture)} ms",
            $"median of {options.Runs} runs after a warm-up (range {Samples.Range(timings, "0.0")} ms); {pagesPerSync} list page(s) of 500 per sync; fresh client each run");
    }

    private static int ListRequests(BenchCluster cluster) =>
        cluster.Server.Requests.ResourceRequests(BenchCluster.OperatorAgent).Count(request => request.Verb == "list" && request.Resource == "configmaps");
}
