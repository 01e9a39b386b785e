using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>RDS instances (standalone and Aurora members) for drift checks: one DescribeDBInstances listing per region and cycle.</summary>
public sealed class RdsInstanceCache(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<DBInstance>(options, time)
{
    protected override IAsyncEnumerable<DBInstance> ListAllAsync(string region, CancellationToken cancellationToken) =>
        clients.ForRegion(region).Rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<DBInstance?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken) =>
        (await clients.ForRegion(region).Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = identifier }, cancellationToken)).DBInstances?.FirstOrDefault();

    protected override string? IdentifierOf(DBInstance item) => item.DBInstanceIdentifier;
}
