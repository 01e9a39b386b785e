namespace Skyforge.Aws.ElastiCache;

public sealed record DeleteReplicationGroupRequest
{
    public required string ReplicationGroupId { get; init; }

    public bool? RetainPrimaryCluster { get; init; }

    public string? FinalSnapshotIdentifier { get; init; }
}

public sealed record DeleteReplicationGroupResponse
{
    public ReplicationGroup? ReplicationGroup { get; init; }
}
