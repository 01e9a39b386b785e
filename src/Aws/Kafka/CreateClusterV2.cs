using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>Creates a provisioned or serverless cluster (exactly one of <see cref="Provisioned"/> and <see cref="Serverless"/>).</summary>
public sealed record CreateClusterV2Request
{
    [JsonPropertyName("clusterName")]
    public required string ClusterName { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [JsonPropertyName("provisioned")]
    public ProvisionedRequest? Provisioned { get; init; }

    [JsonPropertyName("serverless")]
    public ServerlessRequest? Serverless { get; init; }
}

public sealed record CreateClusterV2Response
{
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("clusterType")]
    public string? ClusterType { get; init; }
}
