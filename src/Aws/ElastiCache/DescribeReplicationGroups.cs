namespace Skyforge.Aws.ElastiCache;

/// <summary>One page of replication groups; follow <see cref="DescribeReplicationGroupsResponse.Marker"/> for the rest.</summary>
public sealed record DescribeReplicationGroupsRequest
{
    public string? ReplicationGroupId { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }
}

public sealed record DescribeReplicationGroupsResponse
{
    public string? Marker { get; init; }

    public IReadOnlyList<ReplicationGroup>? ReplicationGroups { get; init; }
}
