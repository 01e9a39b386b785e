using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

public sealed class ConflictRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_update_that_meets_409_is_retried_with_backoff_until_the_object_is_right()
    {
        await using var cluster = await RuntimeCluster.StartAsync(output);
        var user = cluster.Client("user");
        var operatorClient = cluster.Client("operator");
        var informers = cluster.Informers(operatorClient);
        var reconciler = new SizeAnnotatingReconciler(operatorClient, informers.Get(Gadgets.Type));
        var host = cluster.Track(new ControllerHost(informers, [new ControllerBuilder("gadgets", Gadgets.Type).Build(reconciler)], TimeProvider.System, loggerFactory: cluster.LoggerFactory));
        await host.StartAsync(CancellationToken.None);
        cluster.Server.Faults.ConflictOnNextUpdates(3, resource: Gadgets.Plural);

        await user.CreateAsync(Gadgets.Type, Gadgets.New("g", 3));

        await Poll.UntilAsync(() => DoubledSize(cluster) == "6", "the annotation was written");
        // The server commits before the reconciler hears back, so its record of the write may trail the store a little.
        await Poll.UntilAsync(() => Writes(reconciler).Count >= 4, "the reconciler recorded its successful write");
        Assert.Equal(
            [new("g", 0, "conflict"), new("g", 1, "conflict"), new("g", 2, "conflict"), new SizeAnnotatingReconciler.Attempt("g", 3, "updated")],
            Writes(reconciler));
        Assert.Equal(4, cluster.RequestCount("operator", "update", Gadgets.Plural));

        cluster.Server.Faults.ConflictOnNextUpdates(1, resource: Gadgets.Plural);
        await user.PatchAsync(Gadgets.Type, Gadgets.Namespace, "g", Gadgets.SizePatch(5));

        await Poll.UntilAsync(() => DoubledSize(cluster) == "10", "the annotation follows the new size");
        await Poll.UntilAsync(() => Writes(reconciler).Count >= 6, "the reconciler recorded its second successful write");
        Assert.Equal([new("g", 0, "conflict"), new SizeAnnotatingReconciler.Attempt("g", 1, "updated")], Writes(reconciler).Skip(4));
        var stored = cluster.Server.Store.Get(Gadgets.Group, Gadgets.Plural, Gadgets.Namespace, "g")!;
        Assert.Equal(5, Gadgets.SizeOf(stored));
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<long>());
        await Poll.UntilAsync(() => reconciler.Attempts.Count(attempt => attempt.Outcome == "unchanged") >= 2, "each successful write came back as an event and found nothing to do");
        Assert.Equal(6, cluster.RequestCount("operator", "update", Gadgets.Plural));
    }

    private static IReadOnlyList<SizeAnnotatingReconciler.Attempt> Writes(SizeAnnotatingReconciler reconciler) =>
        [.. reconciler.Attempts.Where(attempt => attempt.Outcome != "unchanged")];

    private static string? DoubledSize(RuntimeCluster cluster) =>
        cluster.Server.Store.Get(Gadgets.Group, Gadgets.Plural, Gadgets.Namespace, "g")?["metadata"]?["annotations"]?[SizeAnnotatingReconciler.Annotation]?.GetValue<string>();
}
