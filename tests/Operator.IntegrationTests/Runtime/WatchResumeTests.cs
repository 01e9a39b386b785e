using Skyforge.Kubernetes;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

public sealed class WatchResumeTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Dropped_watches_resume_from_the_last_version_seen_without_losing_or_repeating_an_event()
    {
        await using var cluster = await RuntimeCluster.StartAsync(output);
        var user = new TestConfigMaps(cluster.Client("user"));
        for (var i = 0; i <= Rounds; i++)
        {
            await user.CreateAsync($"cm-{i}");
        }
        var informer = cluster.Informers(cluster.Client("watcher")).Get(ResourceTypes.ConfigMaps);
        var mirror = new EventMirror();
        using var subscription = informer.AddEventHandler(mirror);
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 1, "the informer watches");

        for (var round = 1; round <= Rounds; round++)
        {
            // Reconnects are refused until the changes below are in: they happen while the informer is disconnected.
            var watchesBefore = cluster.RequestCount("watcher", "watch", "configmaps");
            cluster.Server.Faults.FailNext(10_000, verb: "watch", resource: "configmaps");
            cluster.Server.Faults.DropWatches();
            await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 0, "the watch connection is gone");
            await user.CreateAsync($"new-{round}");
            await user.UpdateAsync($"cm-{round}", $"while-disconnected-{round}");
            await user.DeleteAsync($"cm-{round - 1}");
            await Poll.UntilAsync(() => cluster.RequestCount("watcher", "watch", "configmaps") > watchesBefore, "a reconnect was refused");
            cluster.Server.Faults.Clear();
            await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 1, "the informer watches again");
            await user.UpdateAsync($"new-{round}", $"while-connected-{round}");
            await user.UpdateAsync($"cm-{Rounds}", $"while-connected-{round}");
        }

        await Poll.UntilAsync(
            () => RuntimeCluster.SameVersions(cluster.ServerVersions(ResourceTypes.ConfigMaps), RuntimeCluster.CachedVersions(informer))
                && RuntimeCluster.SameVersions(cluster.ServerVersions(ResourceTypes.ConfigMaps), mirror.Objects),
            "the cache and the events agree with the server");
        Assert.Equal([$"cm-{Rounds}", .. Enumerable.Range(1, Rounds).Select(round => $"new-{round}")], mirror.Objects.Keys.Order());
        Assert.Equal(Enumerable.Range(0, Rounds).Select(i => $"cm-{i}"), mirror.Deleted.Order());
        Assert.Empty(mirror.Regressions);
        Assert.Equal(1, cluster.RequestCount("watcher", "list", "configmaps"));
        Assert.True(cluster.RequestCount("watcher", "watch", "configmaps") >= 1 + 2 * Rounds, "every round dropped the watch and refused a reconnect");
    }
}
