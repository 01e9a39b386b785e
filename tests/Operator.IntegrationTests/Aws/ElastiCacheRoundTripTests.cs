using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;

namespace Skyforge.Operator.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class ElastiCacheRoundTripTests(MotoFixture moto) : IAsyncLifetime
{
    private AwsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _host = moto.CreateHost();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReplicationGroupLifecycleRoundTrips()
    {
        var cache = _host.ElastiCache;
        var ct = CancellationToken.None;
        var subnetGroup = await cache.CreateCacheSubnetGroupAsync(new CreateCacheSubnetGroupRequest
        {
            CacheSubnetGroupName = "sessions",
            CacheSubnetGroupDescription = "Session cache subnets",
            SubnetIds = moto.Network.SubnetIds,
        }, ct);
        Assert.Equal(moto.Network.VpcId, subnetGroup.CacheSubnetGroup?.VpcId);
        var describedSubnets = await cache.DescribeCacheSubnetGroupsAsync(new DescribeCacheSubnetGroupsRequest { CacheSubnetGroupName = "sessions" }, ct);
        Assert.Equal(3, Assert.Single(describedSubnets.CacheSubnetGroups!).Subnets!.Count);

        var parameterGroup = await cache.CreateCacheParameterGroupAsync(new CreateCacheParameterGroupRequest
        {
            CacheParameterGroupName = "sessions-valkey8",
            CacheParameterGroupFamily = "valkey8",
            Description = "Session cache parameters",
        }, ct);
        Assert.Equal("valkey8", parameterGroup.CacheParameterGroup?.CacheParameterGroupFamily);
        var modifiedParameters = await cache.ModifyCacheParameterGroupAsync(new ModifyCacheParameterGroupRequest
        {
            CacheParameterGroupName = "sessions-valkey8",
            ParameterNameValues = [new ParameterNameValue { ParameterName = "maxmemory-policy", ParameterValue = "allkeys-lru" }],
        }, ct);
        Assert.Equal("sessions-valkey8", modifiedParameters.CacheParameterGroupName);

        var created = await cache.CreateReplicationGroupAsync(new CreateReplicationGroupRequest
        {
            ReplicationGroupId = "sessions",
            ReplicationGroupDescription = "Session cache",
            Engine = "valkey",
            CacheNodeType = "cache.t4g.small",
            NumCacheClusters = 2,
            AutomaticFailoverEnabled = true,
            CacheSubnetGroupName = "sessions",
            SecurityGroupIds = [moto.Network.SecurityGroupId],
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            AuthToken = "session-auth-token-0123456789",
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/sessions" }],
        }, ct);
        Assert.Equal("creating", created.ReplicationGroup?.Status);
        Assert.Equal(["sessions-001", "sessions-002"], created.ReplicationGroup?.MemberClusters);
        var available = await WaitForStatusAsync("sessions", "available");
        var everyGroup = await cache.DescribeAllReplicationGroupsAsync(new DescribeReplicationGroupsRequest { MaxRecords = 20 }, ct).ToListAsync(ct);
        Assert.Equal("sessions", Assert.Single(everyGroup).ReplicationGroupId);
        var nodeGroup = Assert.Single(available.NodeGroups!);
        Assert.NotNull(nodeGroup.PrimaryEndpoint?.Address);
        Assert.Equal(6379, nodeGroup.PrimaryEndpoint!.Port);
        Assert.True(available.AuthTokenEnabled);
        Assert.NotNull(available.ARN);

        var modified = await cache.ModifyReplicationGroupAsync(new ModifyReplicationGroupRequest
        {
            ReplicationGroupId = "sessions",
            CacheNodeType = "cache.t4g.medium",
            SnapshotRetentionLimit = 3,
            ApplyImmediately = true,
        }, ct);
        Assert.Equal("modifying", modified.ReplicationGroup?.Status);
        var afterModify = await WaitForStatusAsync("sessions", "available");
        Assert.Equal("cache.t4g.medium", afterModify.CacheNodeType);
        Assert.Equal(3, afterModify.SnapshotRetentionLimit);

        var increased = await cache.IncreaseReplicaCountAsync(new IncreaseReplicaCountRequest { ReplicationGroupId = "sessions", NewReplicaCount = 3, ApplyImmediately = true }, ct);
        Assert.Equal(4, increased.ReplicationGroup?.MemberClusters?.Count);
        await WaitForStatusAsync("sessions", "available");
        var decreased = await cache.DecreaseReplicaCountAsync(new DecreaseReplicaCountRequest { ReplicationGroupId = "sessions", NewReplicaCount = 1, ApplyImmediately = true }, ct);
        Assert.Equal(2, decreased.ReplicationGroup?.MemberClusters?.Count);
        await WaitForStatusAsync("sessions", "available");

        var added = await cache.AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceName = available.ARN!,
            Tags = [new AwsTag { Key = "team", Value = "web" }],
        }, ct);
        Assert.Contains(added.TagList!, tag => tag.Key == "team");
        var tags = await cache.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = available.ARN! }, ct);
        Assert.Equal(["skyforge.dev/owner=shop/sessions", "team=web"], tags.TagList!.Select(tag => $"{tag.Key}={tag.Value}").Order());

        var inUse = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cache.DeleteCacheSubnetGroupAsync(new DeleteCacheSubnetGroupRequest { CacheSubnetGroupName = "sessions" }, ct));
        Assert.Equal("CacheSubnetGroupInUse", inUse.ErrorCode);
        Assert.True(inUse.IsInvalidState);

        var deleting = await cache.DeleteReplicationGroupAsync(new DeleteReplicationGroupRequest { ReplicationGroupId = "sessions" }, ct);
        Assert.Equal("deleting", deleting.ReplicationGroup?.Status);
        var gone = await Eventually.ReturnsAsync(
            () => Capture(() => cache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = "sessions" }, ct)),
            failure => failure is not null,
            "the replication group to disappear");
        Assert.True(gone!.IsNotFound);
        Assert.Equal("ReplicationGroupNotFoundFault", gone.ErrorCode);

        await cache.DeleteCacheParameterGroupAsync(new DeleteCacheParameterGroupRequest { CacheParameterGroupName = "sessions-valkey8" }, ct);
        var parameterGroupGone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cache.DeleteCacheParameterGroupAsync(new DeleteCacheParameterGroupRequest { CacheParameterGroupName = "sessions-valkey8" }, ct));
        Assert.True(parameterGroupGone.IsNotFound);
        await cache.DeleteCacheSubnetGroupAsync(new DeleteCacheSubnetGroupRequest { CacheSubnetGroupName = "sessions" }, ct);
        var subnetGroupGone = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cache.DescribeCacheSubnetGroupsAsync(new DescribeCacheSubnetGroupsRequest { CacheSubnetGroupName = "sessions" }, ct));
        Assert.True(subnetGroupGone.IsNotFound);
    }

    [Fact]
    public async Task ServerlessCacheLifecycleRoundTrips()
    {
        var cache = _host.ElastiCache;
        var ct = CancellationToken.None;
        var created = await cache.CreateServerlessCacheAsync(new CreateServerlessCacheRequest
        {
            ServerlessCacheName = "carts",
            Engine = "valkey",
            Description = "Shopping carts",
            CacheUsageLimits = new CacheUsageLimits
            {
                DataStorage = new DataStorage { Maximum = 10, Unit = "GB" },
                ECPUPerSecond = new ECPUPerSecond { Maximum = 5000 },
            },
            SecurityGroupIds = [moto.Network.SecurityGroupId],
            SubnetIds = moto.Network.SubnetIds,
            Tags = [new AwsTag { Key = "skyforge.dev/owner", Value = "shop/carts" }],
        }, ct);
        Assert.Equal("creating", created.ServerlessCache?.Status);

        var available = await Eventually.ReturnsAsync(
            async () => Assert.Single((await cache.DescribeServerlessCachesAsync(new DescribeServerlessCachesRequest { ServerlessCacheName = "carts" }, ct)).ServerlessCaches!),
            candidate => candidate.Status == "available",
            "the serverless cache to become available");
        Assert.Equal(10, available.CacheUsageLimits?.DataStorage?.Maximum);
        Assert.Equal("GB", available.CacheUsageLimits?.DataStorage?.Unit);
        Assert.NotNull(available.Endpoint?.Address);
        Assert.Equal(moto.Network.SubnetIds, available.SubnetIds);

        var listed = await cache.DescribeAllServerlessCachesAsync(new DescribeServerlessCachesRequest(), ct).ToListAsync(ct);
        Assert.Equal("carts", Assert.Single(listed).ServerlessCacheName);
        var tags = await cache.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = available.ARN! }, ct);
        Assert.Equal("shop/carts", Assert.Single(tags.TagList!).Value);

        var modified = await cache.ModifyServerlessCacheAsync(new ModifyServerlessCacheRequest
        {
            ServerlessCacheName = "carts",
            Description = "Shopping carts (bigger)",
            CacheUsageLimits = new CacheUsageLimits { DataStorage = new DataStorage { Maximum = 20, Unit = "GB" } },
        }, ct);
        Assert.Equal("modifying", modified.ServerlessCache?.Status);
        var afterModify = await Eventually.ReturnsAsync(
            async () => Assert.Single((await cache.DescribeServerlessCachesAsync(new DescribeServerlessCachesRequest { ServerlessCacheName = "carts" }, ct)).ServerlessCaches!),
            candidate => candidate.Status == "available",
            "the modification to finish");
        Assert.Equal(20, afterModify.CacheUsageLimits?.DataStorage?.Maximum);

        var deleting = await cache.DeleteServerlessCacheAsync(new DeleteServerlessCacheRequest { ServerlessCacheName = "carts" }, ct);
        Assert.Equal("deleting", deleting.ServerlessCache?.Status);
        var gone = await Eventually.ReturnsAsync(
            () => Capture(() => cache.DescribeServerlessCachesAsync(new DescribeServerlessCachesRequest { ServerlessCacheName = "carts" }, ct)),
            failure => failure is not null,
            "the serverless cache to disappear");
        Assert.Equal("ServerlessCacheNotFoundFault", gone!.ErrorCode);
        Assert.True(gone.IsNotFound);
    }

    private async Task<ReplicationGroup> WaitForStatusAsync(string id, string status) =>
        await Eventually.ReturnsAsync(
            async () => Assert.Single((await _host.ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = id }, CancellationToken.None)).ReplicationGroups!),
            group => group.Status == status,
            $"replication group {id} to be {status}");

    private static async Task<AwsServiceException?> Capture(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (AwsServiceException exception)
        {
            return exception;
        }
    }
}
