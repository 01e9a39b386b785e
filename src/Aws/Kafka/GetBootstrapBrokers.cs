using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record GetBootstrapBrokersRequest
{
    [JsonPropertyName("clusterArn")]
    public required string ClusterArn { get; init; }
}

/// <summary>Comma-separated <c>host:port</c> lists, one per listener the cluster has enabled.</summary>
public sealed record GetBootstrapBrokersResponse
{
    [JsonPropertyName("bootstrapBrokerString")]
    public string? BootstrapBrokerString { get; init; }

    [JsonPropertyName("bootstrapBrokerStringTls")]
    public string? BootstrapBrokerStringTls { get; init; }

    [JsonPropertyName("bootstrapBrokerStringSaslScram")]
    public string? BootstrapBrokerStringSaslScram { get; init; }

    [JsonPropertyName("bootstrapBrokerStringSaslIam")]
    public string? BootstrapBrokerStringSaslIam { get; init; }

    [JsonPropertyName("bootstrapBrokerStringPublicTls")]
    public string? BootstrapBrokerStringPublicTls { get; init; }

    [JsonPropertyName("bootstrapBrokerStringPublicSaslScram")]
    public string? BootstrapBrokerStringPublicSaslScram { get; init; }

    [JsonPropertyName("bootstrapBrokerStringPublicSaslIam")]
    public string? BootstrapBrokerStringPublicSaslIam { get; init; }
}
