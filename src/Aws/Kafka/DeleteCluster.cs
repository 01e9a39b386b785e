using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record DeleteClusterRequest
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }

    [JsonPropertyName("currentVersion")]
    public string? CurrentVersion { get; init; }
}

public sealed record DeleteClusterResponse
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }
}
