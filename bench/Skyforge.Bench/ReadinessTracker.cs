using System.Diagnostics;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;

namespace Skyforge.Bench;

/// <summary>
/// Polls the API server's store in-process (no requests added to the counts) until every applied object is Ready at
/// its current generation, and remembers when each kind got there. Every poll deep-copies the objects of the kinds
/// still waiting, which costs the harness CPU the operator would miss on 2 cores: the interval is 0.25 s up to
/// 250 objects and grows with their number (1 s per 1,000), to at most 5 s.
/// </summary>
internal sealed class ReadinessTracker(BenchCluster cluster, IReadOnlyDictionary<ResourceType, int> expected)
{
    private static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaximumPollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long apart the polls are: the precision of the Ready times.</summary>
    public TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(Math.Clamp(expected.Values.Sum() / 1000.0, MinimumPollInterval.TotalSeconds, MaximumPollInterval.TotalSeconds));

    /// <summary>Per kind: how long after <paramref name="clock"/> started every object was Ready (null: not within the timeout).</summary>
    public async Task<IReadOnlyDictionary<ResourceType, TimeSpan?>> WaitAsync(Stopwatch clock, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken)
    {
        var done = expected.Where(pair => pair.Value == 0).ToDictionary(pair => pair.Key, _ => (TimeSpan?)TimeSpan.Zero);
        var lastProgress = clock.Elapsed;
        while (done.Count < expected.Count && clock.Elapsed < timeout)
        {
            var ready = new Dictionary<ResourceType, int>();
            foreach (var (type, count) in expected.Where(pair => !done.ContainsKey(pair.Key)))
            {
                ready[type] = cluster.Stored(type).Count(IsReady);
                if (ready[type] >= count)
                {
                    done[type] = clock.Elapsed;
                }
            }
            if (clock.Elapsed - lastProgress >= ProgressInterval)
            {
                lastProgress = clock.Elapsed;
                await progress.WriteLineAsync($"  {clock.Elapsed.TotalSeconds,6:0} s  ready: " +
                    string.Join(", ", expected.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key.Plural} {(done.ContainsKey(pair.Key) ? pair.Value : ready.GetValueOrDefault(pair.Key))}/{pair.Value}")));
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        return expected.Keys.ToDictionary(type => type, type => done.GetValueOrDefault(type));
    }

    /// <summary>How many objects of <paramref name="type"/> are Ready now.</summary>
    public int ReadyCount(ResourceType type) => cluster.Stored(type).Count(IsReady);

    public static bool IsReady(JsonObject obj)
    {
        var conditions = obj["status"]?["conditions"] as JsonArray;
        var ready = conditions?.OfType<JsonObject>().FirstOrDefault(condition => condition["type"]?.GetValue<string>() == "Ready");
        return ready?["status"]?.GetValue<string>() == "True"
            && obj["status"]?["observedGeneration"]?.GetValue<long>() == obj["metadata"]?["generation"]?.GetValue<long>();
    }
}
