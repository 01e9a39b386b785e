using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record UpdateBrokerTypeRequest
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }

    [JsonPropertyName("currentVersion")]
    public required string CurrentVersion { get; init; }

    [JsonPropertyName("targetInstanceType")]
    public required string TargetInstanceType { get; init; }
}

public sealed record UpdateBrokerTypeResponse
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("clusterOperationArn")]
    public string? ClusterOperationArn { get; init; }
}
