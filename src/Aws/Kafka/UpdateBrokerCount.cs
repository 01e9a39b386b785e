using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record UpdateBrokerCountRequest
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }

    [JsonPropertyName("currentVersion")]
    public required string CurrentVersion { get; init; }

    [JsonPropertyName("targetNumberOfBrokerNodes")]
    public required int TargetNumberOfBrokerNodes { get; init; }
}

public sealed record UpdateBrokerCountResponse
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("clusterOperationArn")]
    public string? ClusterOperationArn { get; init; }
}
