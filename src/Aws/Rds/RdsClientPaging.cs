using System.Runtime.CompilerServices;

namespace Skyforge.Aws.Rds;

/// <summary>Follows <c>Marker</c> through every page of the paginated Describe operations.</summary>
public static class RdsClientPaging
{
    public static async IAsyncEnumerable<DBInstance> DescribeAllDBInstancesAsync(
        this IRdsClient client,
        DescribeDBInstancesRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await client.DescribeDBInstancesAsync(page, cancellationToken);
            foreach (var instance in response.DBInstances ?? [])
            {
                yield return instance;
            }
            if (string.IsNullOrEmpty(response.Marker))
            {
                yield break;
            }
            page = page with { Marker = response.Marker };
        }
    }

    public static async IAsyncEnumerable<DBCluster> DescribeAllDBClustersAsync(
        this IRdsClient client,
        DescribeDBClustersRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await client.DescribeDBClustersAsync(page, cancellationToken);
            foreach (var cluster in response.DBClusters ?? [])
            {
                yield return cluster;
            }
            if (string.IsNullOrEmpty(response.Marker))
            {
                yield break;
            }
            page = page with { Marker = response.Marker };
        }
    }
}
