using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record UpdateBrokerStorageRequest
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }

    [JsonPropertyName("currentVersion")]
    public required string CurrentVersion { get; init; }

    [JsonPropertyName("targetBrokerEBSVolumeInfo")]
    public required IReadOnlyList<BrokerEbsVolumeInfo> TargetBrokerEBSVolumeInfo { get; init; }
}

public sealed record BrokerEbsVolumeInfo
{
    /// <summary>A broker id or <c>All</c>.</summary>
    [JsonPropertyName("kafkaBrokerNodeId")]
    public required string KafkaBrokerNodeId { get; init; }

    [JsonPropertyName("provisionedThroughput")]
    public ProvisionedThroughput? ProvisionedThroughput { get; init; }

    [JsonPropertyName("volumeSizeGB")]
    public int? VolumeSizeGB { get; init; }
}

public sealed record UpdateBrokerStorageResponse
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("clusterOperationArn")]
    public string? ClusterOperationArn { get; init; }
}
