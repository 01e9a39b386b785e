using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>One page of clusters; follow <see cref="ListClustersV2Response.NextToken"/> for the rest.</summary>
public sealed record ListClustersV2Request
{
    [JsonPropertyName("clusterNameFilter")]
    public string? ClusterNameFilter { get; init; }

    [JsonPropertyName("clusterTypeFilter")]
    public string? ClusterTypeFilter { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; init; }
}

public sealed record ListClustersV2Response
{
    [JsonPropertyName("clusterInfoList")]
    public IReadOnlyList<Cluster>? ClusterInfoList { get; init; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; init; }
}
