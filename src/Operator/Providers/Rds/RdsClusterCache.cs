using Skyforge.Aws.Rds;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>Aurora clusters for drift checks: one DescribeDBClusters listing per cycle.</summary>
public sealed class RdsClusterCache(IRdsClient rds, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<DBCluster>(options, time)
{
    protected override IAsyncEnumerable<DBCluster> ListAllAsync(CancellationToken cancellationToken) =>
        rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<DBCluster?> DescribeOneAsync(string identifier, CancellationToken cancellationToken) =>
        (await rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = identifier }, cancellationToken)).DBClusters?.FirstOrDefault();

    protected override string? IdentifierOf(DBCluster item) => item.DBClusterIdentifier;
}
