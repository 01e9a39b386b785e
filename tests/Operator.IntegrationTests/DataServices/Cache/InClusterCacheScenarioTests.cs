using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>
/// ManagedCache with provider inCluster: nothing runs pods here, so the test plays the StatefulSet
/// controller and reports the replicas ready.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InClusterCacheScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "dev";
    private static readonly ResourceType Caches = SkyforgeResourceTypes.ManagedCaches;
    private DataServicesOperator _operator = null!;

    public async Task InitializeAsync()
    {
        _operator = await DataServicesOperator.StartAsync(moto, Namespace);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
    }

    private static JsonObject Cache(int replicas) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedCache",
        ["metadata"] = new JsonObject { ["name"] = "sessions", ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["engine"] = "redis",
            ["version"] = "7.1",
            ["provider"] = "inCluster",
            ["mode"] = "replicated",
            ["replicasPerShard"] = replicas,
            ["evictionPolicy"] = "allkeys-lfu",
            ["deletionPolicy"] = "Delete",
        },
    };

    private Task ReportReadyAsync(int replicas) =>
        _operator.Client.PatchStatusAsync(ResourceTypes.StatefulSets, Namespace, "sessions",
            KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = replicas } }));

    [Fact]
    public async Task The_statefulset_and_secrets_are_applied_ready_follows_the_replicas_and_scaling_reaches_the_statefulset()
    {
        await _operator.ApplyAsync(Caches, Cache(replicas: 1));

        var statefulSet = await _operator.WaitForAsync(ResourceTypes.StatefulSets, Namespace, "sessions", _ => true, "applied");
        var pending = await _operator.WaitForAsync(Caches, Namespace, "sessions", obj => obj["status"]?["phase"]?.GetValue<string>() == "Creating", "Creating");
        Assert.Equal("False", DataServicesOperator.Condition(pending, "Ready")!["status"]!.GetValue<string>());
        Assert.Equal(2, statefulSet["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("ManagedCache", statefulSet["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        var config = await _operator.Client.GetAsync(ResourceTypes.ConfigMaps, Namespace, "sessions-config");
        Assert.Contains("maxmemory-policy allkeys-lfu", config["data"]!.ToJsonString(), StringComparison.Ordinal);

        await ReportReadyAsync(2);
        var ready = await _operator.WaitForAsync(Caches, Namespace, "sessions", DataServicesOperator.IsReady, "Ready");
        var credentials = await _operator.SecretDataAsync(Namespace, "sessions-credentials");
        var connection = await _operator.SecretDataAsync(Namespace, "sessions-connection");
        Assert.Equal(credentials["password"], connection["password"]);
        Assert.Equal(32, connection["password"].Length);
        Assert.Equal("sessions.dev.svc", connection["host"]);
        Assert.Equal("sessions-readers.dev.svc", connection["readerHost"]);
        Assert.Equal("false", connection["tls"]);
        Assert.Equal("sessions.dev.svc", ready["status"]!["endpoint"]!["host"]!.GetValue<string>());

        await _operator.ApplyAsync(Caches, Cache(replicas: 2));
        await Eventually.ReturnsAsync(
            () => _operator.Client.GetAsync(ResourceTypes.StatefulSets, Namespace, "sessions"),
            current => current["spec"]!["replicas"]!.GetValue<int>() == 3,
            "three pods in the StatefulSet");
        await ReportReadyAsync(3);
        await _operator.WaitForAsync(Caches, Namespace, "sessions", obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == 2, "Ready at generation 2");
        Assert.Equal(credentials["password"], (await _operator.SecretDataAsync(Namespace, "sessions-connection"))["password"]);
        Assert.DoesNotContain(credentials["password"], _operator.ObservableText());

        await _operator.Client.DeleteAsync(Caches, Namespace, "sessions");
        await _operator.WaitForGoneAsync(Caches, Namespace, "sessions");
        await _operator.WaitForGoneAsync(ResourceTypes.StatefulSets, Namespace, "sessions");
    }
}
