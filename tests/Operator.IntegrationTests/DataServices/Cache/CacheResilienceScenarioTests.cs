using System.Text.Json.Nodes;
using Skyforge.Aws.ElastiCache;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>The cache controller through 30 % throttling and intermittent server errors.</summary>
[Collection(MotoCollection.Name)]
public sealed class CacheResilienceScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "shop";
    private static readonly ResourceType Caches = SkyforgeResourceTypes.ManagedCaches;
    private DataServicesOperator _operator = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _operator = await DataServicesOperator.StartAsync(moto, Namespace);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
    }

    private static JsonObject Cache(string name) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedCache",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["engine"] = "valkey", ["mode"] = "replicated", ["replicasPerShard"] = 1, ["deletionPolicy"] = "Delete" },
    };

    [Fact]
    public async Task Caches_converge_through_throttling_and_server_errors_without_duplicates()
    {
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Probability = 0.3 });
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Probability = 0.1 });

        await _operator.ApplyAsync(Caches, Cache("sessions"));
        await _operator.ApplyAsync(Caches, Cache("carts"));
        await _operator.WaitForAsync(Caches, Namespace, "sessions", DataServicesOperator.IsReady, "Ready");
        await _operator.WaitForAsync(Caches, Namespace, "carts", DataServicesOperator.IsReady, "Ready");
        moto.Proxy.ClearFaults();

        Assert.Contains(moto.Proxy.Requests, request => request.Fault == AwsFaultKind.Throttle);
        Assert.Contains(moto.Proxy.Requests, request => request.Fault == AwsFaultKind.ServerError);
        await using var aws = moto.CreateHost();
        var groups = await aws.ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest(), CancellationToken.None);
        Assert.Equal(2, groups.ReplicationGroups!.Count);
        foreach (var name in new[] { "sessions", "carts" })
        {
            var connection = await _operator.SecretDataAsync(Namespace, $"{name}-connection");
            Assert.Equal(32, connection["password"].Length);
            Assert.DoesNotContain(connection["password"], _operator.ObservableText());
        }
    }
}
