using System.Runtime.CompilerServices;

namespace Skyforge.Aws.ElastiCache;

/// <summary>Follows <c>Marker</c>/<c>NextToken</c> through every page of the paginated Describe operations.</summary>
public static class ElastiCacheClientPaging
{
    public static async IAsyncEnumerable<ReplicationGroup> DescribeAllReplicationGroupsAsync(
        this IElastiCacheClient client,
        DescribeReplicationGroupsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await client.DescribeReplicationGroupsAsync(page, cancellationToken);
            foreach (var group in response.ReplicationGroups ?? [])
            {
                yield return group;
            }
            if (string.IsNullOrEmpty(response.Marker))
            {
                yield break;
            }
            page = page with { Marker = response.Marker };
        }
    }

    public static async IAsyncEnumerable<ServerlessCache> DescribeAllServerlessCachesAsync(
        this IElastiCacheClient client,
        DescribeServerlessCachesRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await client.DescribeServerlessCachesAsync(page, cancellationToken);
            foreach (var cache in response.ServerlessCaches ?? [])
            {
                yield return cache;
            }
            if (string.IsNullOrEmpty(response.NextToken))
            {
                yield break;
            }
            page = page with { NextToken = response.NextToken };
        }
    }
}
