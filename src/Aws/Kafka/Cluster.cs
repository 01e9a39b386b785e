using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

/// <summary>An MSK cluster as DescribeClusterV2 and ListClustersV2 return it.</summary>
public sealed record Cluster
{
    [JsonPropertyName("activeOperationArn")]
    public string? ActiveOperationArn { get; init; }

    /// <summary><c>PROVISIONED</c> or <c>SERVERLESS</c>.</summary>
    [JsonPropertyName("clusterType")]
    public string? ClusterType { get; init; }

    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; init; }

    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; init; }

    [JsonPropertyName("creationTime")]
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>Version to pass to updates and deletes (optimistic concurrency).</summary>
    [JsonPropertyName("currentVersion")]
    public string? CurrentVersion { get; init; }

    /// <summary>ACTIVE, CREATING, DELETING, FAILED, HEALING, MAINTENANCE, REBOOTING_BROKER or UPDATING.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("stateInfo")]
    public StateInfo? StateInfo { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [JsonPropertyName("provisioned")]
    public ProvisionedCluster? Provisioned { get; init; }

    [JsonPropertyName("serverless")]
    public ServerlessCluster? Serverless { get; init; }
}

public sealed record StateInfo
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

public sealed record ProvisionedCluster
{
    [JsonPropertyName("brokerNodeGroupInfo")]
    public BrokerNodeGroupInfo? BrokerNodeGroupInfo { get; init; }

    [JsonPropertyName("currentBrokerSoftwareInfo")]
    public BrokerSoftwareInfo? CurrentBrokerSoftwareInfo { get; init; }

    [JsonPropertyName("clientAuthentication")]
    public ClientAuthentication? ClientAuthentication { get; init; }

    [JsonPropertyName("encryptionInfo")]
    public EncryptionInfo? EncryptionInfo { get; init; }

    [JsonPropertyName("enhancedMonitoring")]
    public string? EnhancedMonitoring { get; init; }

    [JsonPropertyName("openMonitoring")]
    public OpenMonitoringInfo? OpenMonitoring { get; init; }

    [JsonPropertyName("loggingInfo")]
    public LoggingInfo? LoggingInfo { get; init; }

    [JsonPropertyName("numberOfBrokerNodes")]
    public int? NumberOfBrokerNodes { get; init; }

    [JsonPropertyName("zookeeperConnectString")]
    public string? ZookeeperConnectString { get; init; }

    [JsonPropertyName("zookeeperConnectStringTls")]
    public string? ZookeeperConnectStringTls { get; init; }

    [JsonPropertyName("storageMode")]
    public string? StorageMode { get; init; }

    [JsonPropertyName("customerActionStatus")]
    public string? CustomerActionStatus { get; init; }
}

public sealed record BrokerSoftwareInfo
{
    [JsonPropertyName("configurationArn")]
    public string? ConfigurationArn { get; init; }

    [JsonPropertyName("configurationRevision")]
    public long? ConfigurationRevision { get; init; }

    [JsonPropertyName("kafkaVersion")]
    public string? KafkaVersion { get; init; }
}

public sealed record ServerlessCluster
{
    [JsonPropertyName("vpcConfigs")]
    public IReadOnlyList<VpcConfig>? VpcConfigs { get; init; }

    [JsonPropertyName("clientAuthentication")]
    public ServerlessClientAuthentication? ClientAuthentication { get; init; }
}
