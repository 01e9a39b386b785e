using Skyforge.Aws.ElastiCache;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>Replication groups for drift checks: one paginated DescribeReplicationGroups listing per drift interval.</summary>
public sealed class ReplicationGroupCache(IElastiCacheClient elastiCache, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<ReplicationGroup>(options, time)
{
    protected override IAsyncEnumerable<ReplicationGroup> ListAllAsync(CancellationToken cancellationToken) =>
        elastiCache.DescribeAllReplicationGroupsAsync(new DescribeReplicationGroupsRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<ReplicationGroup?> DescribeOneAsync(string identifier, CancellationToken cancellationToken) =>
        (await elastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = identifier }, cancellationToken)).ReplicationGroups?.FirstOrDefault();

    protected override string? IdentifierOf(ReplicationGroup item) => item.ReplicationGroupId;
}
