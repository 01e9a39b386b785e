namespace Skyforge.Aws.ElastiCache;

/// <summary>A replication group (<c>Status</c>: creating, available, modifying, deleting, create-failed, snapshotting).</summary>
public sealed record ReplicationGroup
{
    public string? ReplicationGroupId { get; init; }

    public string? Description { get; init; }

    public string? Status { get; init; }

    public ReplicationGroupPendingModifiedValues? PendingModifiedValues { get; init; }

    public IReadOnlyList<string>? MemberClusters { get; init; }

    public IReadOnlyList<NodeGroup>? NodeGroups { get; init; }

    public string? SnapshottingClusterId { get; init; }

    public string? AutomaticFailover { get; init; }

    public string? MultiAZ { get; init; }

    public Endpoint? ConfigurationEndpoint { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? SnapshotWindow { get; init; }

    public bool? ClusterEnabled { get; init; }

    public string? CacheNodeType { get; init; }

    public bool? AuthTokenEnabled { get; init; }

    public DateTimeOffset? AuthTokenLastModifiedDate { get; init; }

    public bool? TransitEncryptionEnabled { get; init; }

    public bool? AtRestEncryptionEnabled { get; init; }

    public string? KmsKeyId { get; init; }

    public string? ARN { get; init; }

    public IReadOnlyList<string>? UserGroupIds { get; init; }

    public DateTimeOffset? ReplicationGroupCreateTime { get; init; }

    public string? DataTiering { get; init; }

    public bool? AutoMinorVersionUpgrade { get; init; }

    public string? NetworkType { get; init; }

    public string? IpDiscovery { get; init; }

    public string? TransitEncryptionMode { get; init; }

    public string? ClusterMode { get; init; }

    public string? Engine { get; init; }
}

public sealed record ReplicationGroupPendingModifiedValues
{
    public string? PrimaryClusterId { get; init; }

    public string? AutomaticFailoverStatus { get; init; }

    public string? AuthTokenStatus { get; init; }

    public bool? TransitEncryptionEnabled { get; init; }

    public string? TransitEncryptionMode { get; init; }

    public string? ClusterMode { get; init; }
}

public sealed record NodeGroup
{
    public string? NodeGroupId { get; init; }

    public string? Status { get; init; }

    public Endpoint? PrimaryEndpoint { get; init; }

    public Endpoint? ReaderEndpoint { get; init; }

    public string? Slots { get; init; }

    public IReadOnlyList<NodeGroupMember>? NodeGroupMembers { get; init; }
}

public sealed record NodeGroupMember
{
    public string? CacheClusterId { get; init; }

    public string? CacheNodeId { get; init; }

    public Endpoint? ReadEndpoint { get; init; }

    public string? PreferredAvailabilityZone { get; init; }

    public string? CurrentRole { get; init; }
}

public sealed record Endpoint
{
    public string? Address { get; init; }

    public int? Port { get; init; }
}
