using System.Runtime.CompilerServices;

namespace Skyforge.Aws.Kafka;

/// <summary>Follows <c>nextToken</c> through every page of ListClustersV2.</summary>
public static class KafkaClientPaging
{
    public static async IAsyncEnumerable<Cluster> ListAllClustersV2Async(
        this IKafkaClient client,
        ListClustersV2Request request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await client.ListClustersV2Async(page, cancellationToken);
            foreach (var cluster in response.ClusterInfoList ?? [])
            {
                yield return cluster;
            }
            if (string.IsNullOrEmpty(response.NextToken))
            {
                yield break;
            }
            page = page with { NextToken = response.NextToken };
        }
    }
}
