using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record CreateReplicationGroupRequest
{
    public required string ReplicationGroupId { get; init; }

    public required string ReplicationGroupDescription { get; init; }

    public string? GlobalReplicationGroupId { get; init; }

    public string? PrimaryClusterId { get; init; }

    public bool? AutomaticFailoverEnabled { get; init; }

    public bool? MultiAZEnabled { get; init; }

    public int? NumCacheClusters { get; init; }

    [AwsQueryList("AvailabilityZone")]
    public IReadOnlyList<string>? PreferredCacheClusterAZs { get; init; }

    public int? NumNodeGroups { get; init; }

    public int? ReplicasPerNodeGroup { get; init; }

    [AwsQueryList("NodeGroupConfiguration")]
    public IReadOnlyList<NodeGroupConfiguration>? NodeGroupConfiguration { get; init; }

    public string? CacheNodeType { get; init; }

    public string? Engine { get; init; }

    public string? EngineVersion { get; init; }

    public string? CacheParameterGroupName { get; init; }

    public string? CacheSubnetGroupName { get; init; }

    [AwsQueryList("SecurityGroupId")]
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }

    [AwsQueryList("SnapshotArn")]
    public IReadOnlyList<string>? SnapshotArns { get; init; }

    public string? SnapshotName { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public int? Port { get; init; }

    public string? NotificationTopicArn { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? SnapshotWindow { get; init; }

    [AwsSensitive]
    public string? AuthToken { get; init; }

    public bool? TransitEncryptionEnabled { get; init; }

    public bool? AtRestEncryptionEnabled { get; init; }

    public string? KmsKeyId { get; init; }

    public IReadOnlyList<string>? UserGroupIds { get; init; }

    [AwsQueryList("LogDeliveryConfigurationRequest")]
    public IReadOnlyList<LogDeliveryConfigurationRequest>? LogDeliveryConfigurations { get; init; }

    public bool? DataTieringEnabled { get; init; }

    public string? NetworkType { get; init; }

    public string? IpDiscovery { get; init; }

    public string? TransitEncryptionMode { get; init; }

    public string? ClusterMode { get; init; }

    public string? ServerlessCacheSnapshotName { get; init; }
}

public sealed record CreateReplicationGroupResponse
{
    public ReplicationGroup? ReplicationGroup { get; init; }
}
