using Skyforge.Aws.Rds;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>RDS instances (standalone and Aurora members) for drift checks: one DescribeDBInstances listing per cycle.</summary>
public sealed class RdsInstanceCache(IRdsClient rds, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<DBInstance>(options, time)
{
    protected override IAsyncEnumerable<DBInstance> ListAllAsync(CancellationToken cancellationToken) =>
        rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = PageSize }, cancellationToken);

    protected override async Task<DBInstance?> DescribeOneAsync(string identifier, CancellationToken cancellationToken) =>
        (await rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = identifier }, cancellationToken)).DBInstances?.FirstOrDefault();

    protected override string? IdentifierOf(DBInstance item) => item.DBInstanceIdentifier;
}
