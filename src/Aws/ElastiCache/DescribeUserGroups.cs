namespace Skyforge.Aws.ElastiCache;

/// <summary>One page of user groups; follow <see cref="DescribeUserGroupsResponse.Marker"/> for the rest.</summary>
public sealed record DescribeUserGroupsRequest
{
    public string? UserGroupId { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }
}

public sealed record DescribeUserGroupsResponse
{
    public IReadOnlyList<UserGroup>? UserGroups { get; init; }

    public string? Marker { get; init; }
}
