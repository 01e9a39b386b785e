using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>The provisioned-cluster part of <see cref="CreateClusterV2Request"/>.</summary>
public sealed record ProvisionedRequest
{
    [JsonPropertyName("brokerNodeGroupInfo")]
    public required BrokerNodeGroupInfo BrokerNodeGroupInfo { get; init; }

    [JsonPropertyName("clientAuthentication")]
    public ClientAuthentication? ClientAuthentication { get; init; }

    [JsonPropertyName("configurationInfo")]
    public ConfigurationInfo? ConfigurationInfo { get; init; }

    [JsonPropertyName("encryptionInfo")]
    public EncryptionInfo? EncryptionInfo { get; init; }

    /// <summary><c>DEFAULT</c>, <c>PER_BROKER</c>, <c>PER_TOPIC_PER_BROKER</c> or <c>PER_TOPIC_PER_PARTITION</c>.</summary>
    [JsonPropertyName("enhancedMonitoring")]
    public string? EnhancedMonitoring { get; init; }

    [JsonPropertyName("openMonitoring")]
    public OpenMonitoringInfo? OpenMonitoring { get; init; }

    [JsonPropertyName("kafkaVersion")]
    public required string KafkaVersion { get; init; }

    [JsonPropertyName("loggingInfo")]
    public LoggingInfo? LoggingInfo { get; init; }

    [JsonPropertyName("numberOfBrokerNodes")]
    public required int NumberOfBrokerNodes { get; init; }

    /// <summary><c>LOCAL</c> or <c>TIERED</c>.</summary>
    [JsonPropertyName("storageMode")]
    public string? StorageMode { get; init; }
}
