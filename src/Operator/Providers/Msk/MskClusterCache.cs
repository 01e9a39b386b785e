using Skyforge.Aws;
using Skyforge.Aws.Kafka;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;

namespace Skyforge.Operator.Providers.Msk;

/// <summary>
/// MSK clusters by name for drift checks: one paginated ListClustersV2 per region and drift interval serves every bus.
/// A fresh read lists by name filter (a prefix match, so the exact name is picked) and then describes the one cluster.
/// </summary>
public sealed class MskClusterCache(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<Cluster>(options, time)
{
    protected override IAsyncEnumerable<Cluster> ListAllAsync(string region, CancellationToken cancellationToken) =>
        clients.ForRegion(region).Kafka.ListAllClustersV2Async(new ListClustersV2Request { MaxResults = PageSize }, cancellationToken);

    protected override async Task<Cluster?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken)
    {
        var kafka = clients.ForRegion(region).Kafka;
        var listed = await kafka.ListAllClustersV2Async(new ListClustersV2Request { ClusterNameFilter = identifier, MaxResults = PageSize }, cancellationToken)
            .FirstOrDefaultAsync(cluster => cluster.ClusterName == identifier, cancellationToken);
        if (listed?.ClusterArn is not { } arn)
        {
            return null;
        }
        return (await kafka.DescribeClusterV2Async(new DescribeClusterV2Request { ClusterArn = arn }, cancellationToken)).ClusterInfo;
    }

    protected override string? IdentifierOf(Cluster item) => item.ClusterName;
}
