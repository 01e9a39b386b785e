using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

public sealed class StatusWriteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(1.5);

    /// <param name="skipStatusOnlyUpdates">With <see cref="PrimaryFilters.GenerationOrMetadataChanged"/>, the controller's own status write is not even enqueued.</param>
    /// <param name="reconcilesPerSpecChange">Without the filter, the write comes back once as an event, finds the status current and writes nothing.</param>
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task A_reconcile_that_writes_status_does_not_trigger_itself_again(bool skipStatusOnlyUpdates, int reconcilesPerSpecChange)
    {
        await using var cluster = await RuntimeCluster.StartAsync(output);
        var user = cluster.Client("user");
        var reconciler = await StartControllerAsync(cluster, skipStatusOnlyUpdates);

        await user.CreateAsync(Gadgets.Type, Gadgets.New("g", 1));

        await Poll.UntilAsync(() => reconciler.Reconciles == reconcilesPerSpecChange && ObservedGeneration(cluster, "g") == 1, "the first status is written");
        await Poll.StaysAsync(() => reconciler.Reconciles == reconcilesPerSpecChange && reconciler.StatusWrites == 1, "no further reconcile or write", QuietWindow);
        var readySince = ReadyCondition(cluster, "g")["lastTransitionTime"]!.GetValue<string>();

        await user.PatchAsync(Gadgets.Type, Gadgets.Namespace, "g", Gadgets.SizePatch(2));

        await Poll.UntilAsync(() => reconciler.Reconciles == 2 * reconcilesPerSpecChange && ObservedGeneration(cluster, "g") == 2, "the spec change is reflected");
        await Poll.StaysAsync(() => reconciler.Reconciles == 2 * reconcilesPerSpecChange && reconciler.StatusWrites == 2, "no further reconcile or write", QuietWindow);
        Assert.Equal(2, cluster.RequestCount("operator", "update", Gadgets.Plural, "status"));
        Assert.Equal(2, Gadget(cluster, "g")["status"]!["size"]!.GetValue<int>());
        var ready = ReadyCondition(cluster, "g");
        Assert.Equal(2, ready["observedGeneration"]!.GetValue<long>());
        Assert.Equal(readySince, ready["lastTransitionTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bursts_of_429_and_500_from_the_server_delay_work_but_lose_none()
    {
        const int count = 5;
        await using var cluster = await RuntimeCluster.StartAsync(output);
        var user = cluster.Client("user");
        for (var i = 0; i < count; i++)
        {
            await user.CreateAsync(Gadgets.Type, Gadgets.New($"g-{i}", i));
        }
        var faults = cluster.Server.Faults;
        faults.FailNext(2, verb: "list", resource: Gadgets.Plural);
        // More 429s than the client retries on its own, so some surface to the reconciler; then 500s, which it never retries.
        faults.ThrottleNext(8, retryAfterSeconds: 0, verb: "update", resource: $"{Gadgets.Plural}/status");
        faults.FailNext(3, verb: "update", resource: $"{Gadgets.Plural}/status");
        var reconciler = await StartControllerAsync(cluster, skipStatusOnlyUpdates: true);

        await Poll.UntilAsync(() => Enumerable.Range(0, count).All(i => ObservedGeneration(cluster, $"g-{i}") == 1), "every gadget got its first status");
        Assert.True(reconciler.LongestFailureStreak >= 1, "some reconciles failed and were retried");

        faults.ThrottleNext(2, retryAfterSeconds: 0, verb: "watch", resource: Gadgets.Plural);
        faults.FailNext(3, verb: "watch", resource: Gadgets.Plural);
        faults.DropWatches();
        for (var i = 0; i < count; i++)
        {
            await user.PatchAsync(Gadgets.Type, Gadgets.Namespace, $"g-{i}", Gadgets.SizePatch(10 + i));
        }

        await Poll.UntilAsync(() => Enumerable.Range(0, count).All(i => ObservedGeneration(cluster, $"g-{i}") == 2), "every spec change was reconciled");
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(10 + i, Gadget(cluster, $"g-{i}")["status"]!["size"]!.GetValue<int>());
        }
        Assert.Equal(3, cluster.RequestCount("operator", "list", Gadgets.Plural));
        Assert.Equal(2 * count + 8 + 3, cluster.RequestCount("operator", "update", Gadgets.Plural, "status"));
        Assert.True(cluster.RequestCount("operator", "watch", Gadgets.Plural) >= 1 + 2 + 3 + 1, "the watch outage was met and outlasted");
    }

    private static async Task<GadgetStatusReconciler> StartControllerAsync(RuntimeCluster cluster, bool skipStatusOnlyUpdates)
    {
        var client = cluster.Client("operator");
        var informers = cluster.Informers(client);
        var reconciler = new GadgetStatusReconciler(client, informers.Get(Gadgets.Type));
        var builder = new ControllerBuilder("gadgets", Gadgets.Type);
        if (skipStatusOnlyUpdates)
        {
            builder.WithPrimaryFilter(PrimaryFilters.GenerationOrMetadataChanged);
        }
        var host = cluster.Track(new ControllerHost(informers, [builder.Build(reconciler)], TimeProvider.System, loggerFactory: cluster.LoggerFactory));
        await host.StartAsync(CancellationToken.None);
        return reconciler;
    }

    private static JsonObject Gadget(RuntimeCluster cluster, string name) =>
        cluster.Server.Store.Get(Gadgets.Group, Gadgets.Plural, Gadgets.Namespace, name) ?? throw new InvalidOperationException($"gadget {name} is missing");

    private static long? ObservedGeneration(RuntimeCluster cluster, string name) =>
        cluster.Server.Store.Get(Gadgets.Group, Gadgets.Plural, Gadgets.Namespace, name)?["status"]?["observedGeneration"]?.GetValue<long>();

    private static JsonObject ReadyCondition(RuntimeCluster cluster, string name) =>
        Gadget(cluster, name)["status"]!["conditions"]!.AsArray().Single(condition => condition!["type"]!.GetValue<string>() == "Ready")!.AsObject();
}
