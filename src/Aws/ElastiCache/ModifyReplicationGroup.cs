using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record ModifyReplicationGroupRequest
{
    public required string ReplicationGroupId { get; init; }

    public string? ReplicationGroupDescription { get; init; }

    public string? PrimaryClusterId { get; init; }

    public string? SnapshottingClusterId { get; init; }

    public bool? AutomaticFailoverEnabled { get; init; }

    public bool? MultiAZEnabled { get; init; }

    [AwsQueryList("SecurityGroupId")]
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public string? PreferredMaintenanceWindow { get; init; }

    public string? NotificationTopicArn { get; init; }

    public string? CacheParameterGroupName { get; init; }

    public string? NotificationTopicStatus { get; init; }

    public bool? ApplyImmediately { get; init; }

    public string? Engine { get; init; }

    public string? EngineVersion { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? SnapshotWindow { get; init; }

    public string? CacheNodeType { get; init; }

    [AwsSensitive]
    public string? AuthToken { get; init; }

    public string? AuthTokenUpdateStrategy { get; init; }

    public IReadOnlyList<string>? UserGroupIdsToAdd { get; init; }

    public IReadOnlyList<string>? UserGroupIdsToRemove { get; init; }

    public bool? RemoveUserGroups { get; init; }

    [AwsQueryList("LogDeliveryConfigurationRequest")]
    public IReadOnlyList<LogDeliveryConfigurationRequest>? LogDeliveryConfigurations { get; init; }

    public string? IpDiscovery { get; init; }

    public bool? TransitEncryptionEnabled { get; init; }

    public string? TransitEncryptionMode { get; init; }

    public string? ClusterMode { get; init; }
}

public sealed record ModifyReplicationGroupResponse
{
    public ReplicationGroup? ReplicationGroup { get; init; }
}
