using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>Aurora clusters for drift checks: one DescribeDBClusters listing per region and cycle.</summary>
public sealed class RdsClusterCache(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<DBCluster>(options, time)
{
    protected override IAsyncEnumerable<DBCluster> ListAllAsync(string region, CancellationToken cancellationToken) =>
        clients.ForRegion(region).Rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<DBCluster?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken) =>
        (await clients.ForRegion(region).Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = identifier }, cancellationToken)).DBClusters?.FirstOrDefault();

    protected override string? IdentifierOf(DBCluster item) => item.DBClusterIdentifier;
}
