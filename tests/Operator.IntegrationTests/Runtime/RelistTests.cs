using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.TestKit.ApiServer;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

public sealed class RelistTests(ITestOutputHelper output)
{
    private const int HistoryLimit = 30;

    public enum Expiry
    {
        /// <summary>The server compacts its history (like etcd).</summary>
        Compaction,

        /// <summary>More changes than the server retains happen elsewhere.</summary>
        HistoryOverflow,
    }

    [Theory]
    [InlineData(Expiry.Compaction)]
    [InlineData(Expiry.HistoryOverflow)]
    public async Task A_watch_that_fell_out_of_the_history_relists_and_the_cache_converges_including_deletes(Expiry expiry)
    {
        await using var cluster = await RuntimeCluster.StartAsync(output, new TestApiServerOptions { WatchHistoryLimit = HistoryLimit });
        var userClient = cluster.Client("user");
        var user = new TestConfigMaps(userClient);
        for (var i = 0; i < 9; i++)
        {
            await user.CreateAsync($"cm-{i}");
        }
        var informer = cluster.Informers(cluster.Client("watcher")).Get(ResourceTypes.ConfigMaps);
        var mirror = new EventMirror();
        using var subscription = informer.AddEventHandler(mirror);
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 1, "the informer watches");

        var watchesBefore = cluster.RequestCount("watcher", "watch", "configmaps");
        cluster.Server.Faults.FailNext(10_000, verb: "watch", resource: "configmaps");
        cluster.Server.Faults.DropWatches();
        await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 0, "the watch connection is gone");
        for (var i = 0; i < 3; i++)
        {
            await user.DeleteAsync($"cm-{i}");
            await user.UpdateAsync($"cm-{i + 3}", "changed-while-away");
            await user.CreateAsync($"new-{i}");
        }
        await ExpireHistoryAsync(cluster, userClient, expiry);
        await Poll.UntilAsync(() => cluster.RequestCount("watcher", "watch", "configmaps") > watchesBefore, "a reconnect was refused");
        cluster.Server.Faults.Clear();

        await Poll.UntilAsync(
            () => RuntimeCluster.SameVersions(cluster.ServerVersions(ResourceTypes.ConfigMaps), RuntimeCluster.CachedVersions(informer))
                && RuntimeCluster.SameVersions(cluster.ServerVersions(ResourceTypes.ConfigMaps), mirror.Objects),
            "the cache and the events agree with the server");
        Assert.Equal(2, cluster.RequestCount("watcher", "list", "configmaps"));
        Assert.Equal(["cm-0", "cm-1", "cm-2"], mirror.Deleted.Order());
        Assert.Equal(["cm-3", "cm-4", "cm-5", "cm-6", "cm-7", "cm-8", "new-0", "new-1", "new-2"], mirror.Objects.Keys.Order());
        Assert.Empty(mirror.Regressions);
        await Poll.UntilAsync(() => cluster.Server.Store.OpenWatchCount == 1, "the informer watches again after the relist");
    }

    private static async Task ExpireHistoryAsync(RuntimeCluster cluster, IKubernetesClient client, Expiry expiry)
    {
        if (expiry == Expiry.Compaction)
        {
            cluster.Server.Store.Compact();
            return;
        }
        // Churn in another namespace: the server's history window is global, the informer's scope is not.
        await client.CreateAsync(ResourceTypes.Namespaces, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = "churn" },
        });
        await client.CreateAsync(ResourceTypes.ConfigMaps, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "churn", ["namespace"] = "churn" },
        });
        for (var i = 0; i <= HistoryLimit; i++)
        {
            var change = new JsonObject { ["data"] = new JsonObject { ["round"] = i.ToString(CultureInfo.InvariantCulture) } };
            await client.PatchAsync(ResourceTypes.ConfigMaps, "churn", "churn", KubernetesPatch.Merge(change));
        }
    }
}
