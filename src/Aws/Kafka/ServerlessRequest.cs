using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>The serverless-cluster part of <see cref="CreateClusterV2Request"/>.</summary>
public sealed record ServerlessRequest
{
    [JsonPropertyName("vpcConfigs")]
    public required IReadOnlyList<VpcConfig> VpcConfigs { get; init; }

    [JsonPropertyName("clientAuthentication")]
    public ServerlessClientAuthentication? ClientAuthentication { get; init; }
}

public sealed record VpcConfig
{
    [JsonPropertyName("subnetIds")]
    public required IReadOnlyList<string> SubnetIds { get; init; }

    [JsonPropertyName("securityGroupIds")]
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
}
