using Skyforge.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>RDS reads straight from moto (<see cref="MotoQuery"/>): snapshots, which the operator's client does not offer, and instances of any region.</summary>
internal static class MotoRds
{
    public static Task<IReadOnlyList<string>> SnapshotIdentifiersAsync(Uri endpoint, string region) =>
        IdentifiersAsync(endpoint, region, "DescribeDBSnapshots", "DBSnapshotIdentifier");

    public static Task<IReadOnlyList<string>> ClusterSnapshotIdentifiersAsync(Uri endpoint, string region) =>
        IdentifiersAsync(endpoint, region, "DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier");

    public static Task<IReadOnlyList<string>> InstanceIdentifiersAsync(Uri endpoint, string region) =>
        IdentifiersAsync(endpoint, region, "DescribeDBInstances", "DBInstanceIdentifier");

    private static async Task<IReadOnlyList<string>> IdentifiersAsync(Uri endpoint, string region, string action, string element) =>
        MotoQuery.Values(await MotoQuery.CallAsync(endpoint, region, "rds", AwsService.Rds.ApiVersion, action, []), element);
}
