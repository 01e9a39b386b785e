using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record DescribeClusterV2Request
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }
}

public sealed record DescribeClusterV2Response
{
    [JsonPropertyName("clusterInfo")]
    public Cluster? ClusterInfo { get; init; }
}
