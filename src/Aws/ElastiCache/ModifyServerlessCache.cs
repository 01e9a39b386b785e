using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record ModifyServerlessCacheRequest
{
    public required string ServerlessCacheName { get; init; }

    public string? Description { get; init; }

    public CacheUsageLimits? CacheUsageLimits { get; init; }

    public bool? RemoveUserGroup { get; init; }

    public string? UserGroupId { get; init; }

    [AwsQueryList("SecurityGroupId")]
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? DailySnapshotTime { get; init; }

    public string? Engine { get; init; }

    public string? MajorEngineVersion { get; init; }
}

public sealed record ModifyServerlessCacheResponse
{
    public ServerlessCache? ServerlessCache { get; init; }
}
