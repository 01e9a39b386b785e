using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>Data services under AWS faults, and at rest.</summary>
[Collection(MotoCollection.Name)]
public sealed class ResilienceScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private DataServicesOperator _operator = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _operator = await DataServicesOperator.StartAsync(moto, "shop");
    }

    public async Task DisposeAsync() => await _operator.DisposeAsync();

    private JsonObject Database(string name) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedDatabase",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop" },
        ["spec"] = new JsonObject
        {
            ["engine"] = "postgres",
            ["network"] = new JsonObject { ["subnetIds"] = new JsonArray([.. moto.Network.SubnetIds.Select(id => (JsonNode)id)]) },
            ["deletionPolicy"] = "Delete",
        },
    };

    private static JsonObject Secret(string name) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedSecret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop" },
        ["spec"] = new JsonObject { ["source"] = new JsonObject { ["generate"] = new JsonObject() }, ["deletionPolicy"] = "Delete" },
    };

    [Fact]
    public async Task Everything_converges_through_throttling_and_server_errors_without_duplicates()
    {
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Probability = 0.3 });
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Probability = 0.1 });

        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, Database("orders"));
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, Database("billing"));
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedSecrets, Secret("api-key"));

        await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, "shop", "orders", DataServicesOperator.IsReady, "Ready");
        await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, "shop", "billing", DataServicesOperator.IsReady, "Ready");
        await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedSecrets, "shop", "api-key", DataServicesOperator.IsReady, "Ready");
        moto.Proxy.ClearFaults();

        Assert.Contains(moto.Proxy.Requests, request => request.Fault == AwsFaultKind.Throttle);
        Assert.Contains(moto.Proxy.Requests, request => request.Fault == AwsFaultKind.ServerError);
        await using var aws = moto.CreateHost();
        var instances = await aws.Rds.DescribeDBInstancesAsync(new Skyforge.Aws.Rds.DescribeDBInstancesRequest(), CancellationToken.None);
        Assert.Equal(2, instances.DBInstances!.Count);
        Assert.Equal(2, _operator.Server.Store.List("", "secrets", "shop").Count(secret => secret["metadata"]!["name"]!.GetValue<string>().EndsWith("-connection", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_stable_database_writes_no_status_when_reconciled_again()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, Database("steady"));
        await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, "shop", "steady", DataServicesOperator.IsReady, "Ready");
        var statusWrites = StatusWrites();
        var reads = SecretReads();
        var writes = SecretWrites();

        var poke = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ManagedResourceReconciler<ManagedDatabase>.ReconcileRequestedAnnotation] = "2026-11-22T00:00:00Z" } } };
        await _operator.Client.PatchAsync(SkyforgeResourceTypes.ManagedDatabases, "shop", "steady", KubernetesPatch.Merge(poke));
        await Eventually.ReturnsAsync(() => Task.FromResult(SecretReads()), count => count > reads, "the requested reconcile to look at the connection secret");
        // An absence of writes can only be observed over a window: the rest of the reconcile runs within it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(writes, SecretWrites());

        Assert.Equal(statusWrites, StatusWrites());
    }

    private int StatusWrites() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "manageddatabases" && request.Subresource == "status" && request.Verb is "update" or "patch");

    private int SecretReads() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "secrets" && request.Verb == "get");

    private int SecretWrites() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "secrets" && request.Verb is "patch" or "update" or "create");
}
