using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>Replication groups for drift checks: one paginated DescribeReplicationGroups listing per region and drift interval.</summary>
public sealed class ReplicationGroupCache(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<ReplicationGroup>(options, time)
{
    protected override IAsyncEnumerable<ReplicationGroup> ListAllAsync(string region, CancellationToken cancellationToken) =>
        clients.ForRegion(region).ElastiCache.DescribeAllReplicationGroupsAsync(new DescribeReplicationGroupsRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<ReplicationGroup?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken) =>
        (await clients.ForRegion(region).ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = identifier }, cancellationToken)).ReplicationGroups?.FirstOrDefault();

    protected override string? IdentifierOf(ReplicationGroup item) => item.ReplicationGroupId;
}
