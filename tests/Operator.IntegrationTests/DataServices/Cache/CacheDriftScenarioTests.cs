using System.Text.Json.Nodes;
using Skyforge.Aws.ElastiCache;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>
/// Stable caches at a short drift interval: drift reads come from listings only, no status is written at
/// steady state, and a change made directly in AWS is reverted.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CacheDriftScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "shop";
    private static readonly TimeSpan DriftInterval = TimeSpan.FromSeconds(2);
    private static readonly ResourceType Caches = SkyforgeResourceTypes.ManagedCaches;
    private DataServicesOperator _operator = null!;
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
        _operator = await DataServicesOperator.StartAsync(moto, DriftInterval, Namespace);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private static JsonObject Cache(string name) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedCache",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["engine"] = "redis", ["mode"] = "standalone", ["replicasPerShard"] = 0, ["deletionPolicy"] = "Delete" },
    };

    private static string GroupId(string name) =>
        AwsNames.CacheReplicationGroupId(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedCache", Namespace, name, ""));

    private int Calls(Func<AwsRecordedRequestView, bool> match) =>
        moto.Proxy.Requests.Count(request => request.Service == "elasticache" && match(new AwsRecordedRequestView(request.Operation, request.Parameters)));

    [Fact]
    public async Task Stable_caches_are_checked_from_listings_without_status_writes_and_a_node_type_changed_in_aws_is_reverted()
    {
        string[] names = ["alpha", "beta", "gamma"];
        foreach (var name in names)
        {
            await _operator.ApplyAsync(Caches, Cache(name));
        }
        foreach (var name in names)
        {
            await _operator.WaitForAsync(Caches, Namespace, name, DataServicesOperator.IsReady, "Ready");
        }

        moto.Proxy.ClearRecords();
        var statusWrites = StatusWrites();
        await Eventually.ReturnsAsync(() => Task.FromResult(Calls(call => call.Is("DescribeReplicationGroups") && !call.Names("ReplicationGroupId"))), count => count >= 2, "two drift listings", TimeSpan.FromSeconds(15));
        Assert.Equal(0, Calls(call => call.Is("DescribeReplicationGroups") && call.Names("ReplicationGroupId")));
        Assert.Equal(0, Calls(call => call.Is("ListTagsForResource")));
        Assert.Equal(statusWrites, StatusWrites());

        await _aws.ElastiCache.ModifyReplicationGroupAsync(new ModifyReplicationGroupRequest { ReplicationGroupId = GroupId("beta"), CacheNodeType = "cache.t4g.medium", ApplyImmediately = true }, CancellationToken.None);
        var reverted = await Eventually.ReturnsAsync(
            async () => (await _aws.ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = GroupId("beta") }, CancellationToken.None)).ReplicationGroups!.Single(),
            group => group.CacheNodeType == "cache.t4g.micro",
            "the spec's node type back in ElastiCache",
            DriftInterval * 3 + TimeSpan.FromSeconds(4));
        Assert.Equal("cache.t4g.micro", reverted.CacheNodeType);
    }

    private int StatusWrites() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "managedcaches" && request.Subresource == "status" && request.Verb is "update" or "patch");

    /// <summary>A recorded ElastiCache request: its operation and whether it names a member.</summary>
    private sealed record AwsRecordedRequestView(string Operation, JsonObject Parameters)
    {
        public bool Is(string operation) => Operation == operation;

        public bool Names(string member) => Parameters.ContainsKey(member);
    }
}
