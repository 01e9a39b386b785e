using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>
/// ManagedDatabase with provider inCluster: nothing runs pods here, so the test plays the StatefulSet
/// controller and reports the replica ready.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InClusterDatabaseScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "dev";
    private DataServicesOperator _operator = null!;

    public async Task InitializeAsync() => _operator = await DataServicesOperator.StartAsync(moto, Namespace);

    public async Task DisposeAsync() => await _operator.DisposeAsync();

    private static JsonObject Database(string cpu) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedDatabase",
        ["metadata"] = new JsonObject { ["name"] = "inventory", ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["engine"] = "postgres",
            ["version"] = "16",
            ["provider"] = "inCluster",
            ["databases"] = new JsonArray("inventory", "billing"),
            ["resources"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "256Mi", ["storageGiB"] = 5 },
            ["deletionPolicy"] = "Delete",
        },
    };

    [Fact]
    public async Task The_statefulset_and_secrets_are_applied_and_ready_follows_the_replicas()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, Database("250m"));

        var statefulSet = await _operator.WaitForAsync(ResourceTypes.StatefulSets, Namespace, "inventory", _ => true, "applied");
        var pending = await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "inventory", obj => obj["status"]?["phase"]?.GetValue<string>() == "Creating", "Creating");
        Assert.Equal("False", DataServicesOperator.Condition(pending, "Ready")!["status"]!.GetValue<string>());
        Assert.Equal("ManagedDatabase", statefulSet["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.Empty(_operator.Server.Store.List("batch", "jobs", Namespace));

        await _operator.Client.PatchStatusAsync(ResourceTypes.StatefulSets, Namespace, "inventory",
            KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["replicas"] = 1, ["readyReplicas"] = 1 } }));
        var ready = await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "inventory", DataServicesOperator.IsReady, "Ready");

        var credentials = await _operator.SecretDataAsync(Namespace, "inventory-credentials");
        var connection = await _operator.SecretDataAsync(Namespace, "inventory-connection");
        Assert.Equal(credentials["password"], connection["password"]);
        Assert.Equal(32, connection["password"].Length);
        Assert.Equal("inventory.dev.svc", connection["host"]);
        Assert.Equal("inventory.dev.svc", ready["status"]!["endpoint"]!["host"]!.GetValue<string>());
        Assert.NotNull(await _operator.GetAsync(ResourceTypes.Services, Namespace, "inventory"));
        await Eventually.ReturnsAsync(() => Task.FromResult(_operator.Server.Store.List("batch", "jobs", Namespace).Count), count => count == 1, "the databases Job");

        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, Database("500m"));
        await Eventually.ReturnsAsync(
            () => _operator.Client.GetAsync(ResourceTypes.StatefulSets, Namespace, "inventory"),
            current => current["spec"]!["template"]!.ToJsonString().Contains("500m", StringComparison.Ordinal),
            "the new CPU request in the pod template");
        Assert.Equal(credentials["password"], (await _operator.SecretDataAsync(Namespace, "inventory-connection"))["password"]);
        Assert.DoesNotContain(credentials["password"], _operator.ObservableText());

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "inventory");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "inventory");
        await _operator.WaitForGoneAsync(ResourceTypes.StatefulSets, Namespace, "inventory");
    }
}
