using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>Where and on what the brokers run: instance type, client subnets, security groups, storage, connectivity.</summary>
public sealed record BrokerNodeGroupInfo
{
    [JsonPropertyName("brokerAZDistribution")]
    public string? BrokerAZDistribution { get; init; }

    [JsonPropertyName("clientSubnets")]
    public required IReadOnlyList<string> ClientSubnets { get; init; }

    [JsonPropertyName("instanceType")]
    public required string InstanceType { get; init; }

    [JsonPropertyName("securityGroups")]
    public IReadOnlyList<string>? SecurityGroups { get; init; }

    [JsonPropertyName("storageInfo")]
    public StorageInfo? StorageInfo { get; init; }

    [JsonPropertyName("connectivityInfo")]
    public ConnectivityInfo? ConnectivityInfo { get; init; }

    [JsonPropertyName("zoneIds")]
    public IReadOnlyList<string>? ZoneIds { get; init; }
}

public sealed record StorageInfo
{
    [JsonPropertyName("ebsStorageInfo")]
    public EbsStorageInfo? EbsStorageInfo { get; init; }
}

public sealed record EbsStorageInfo
{
    [JsonPropertyName("provisionedThroughput")]
    public ProvisionedThroughput? ProvisionedThroughput { get; init; }

    [JsonPropertyName("volumeSize")]
    public int? VolumeSize { get; init; }
}

public sealed record ProvisionedThroughput
{
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("volumeThroughput")]
    public int? VolumeThroughput { get; init; }
}

public sealed record ConnectivityInfo
{
    [JsonPropertyName("publicAccess")]
    public PublicAccess? PublicAccess { get; init; }

    [JsonPropertyName("vpcConnectivity")]
    public VpcConnectivity? VpcConnectivity { get; init; }

    [JsonPropertyName("networkType")]
    public string? NetworkType { get; init; }
}

public sealed record PublicAccess
{
    /// <summary><c>DISABLED</c> or <c>SERVICE_PROVIDED_EIPS</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}

public sealed record VpcConnectivity
{
    [JsonPropertyName("clientAuthentication")]
    public VpcConnectivityClientAuthentication? ClientAuthentication { get; init; }
}

public sealed record VpcConnectivityClientAuthentication
{
    [JsonPropertyName("sasl")]
    public Sasl? Sasl { get; init; }

    [JsonPropertyName("tls")]
    public EnabledSetting? Tls { get; init; }
}
