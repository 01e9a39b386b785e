using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record CreateServerlessCacheRequest
{
    public required string ServerlessCacheName { get; init; }

    public string? Description { get; init; }

    public required string Engine { get; init; }

    public string? MajorEngineVersion { get; init; }

    public CacheUsageLimits? CacheUsageLimits { get; init; }

    public string? KmsKeyId { get; init; }

    [AwsQueryList("SecurityGroupId")]
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    [AwsQueryList("SnapshotArn")]
    public IReadOnlyList<string>? SnapshotArnsToRestore { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public string? UserGroupId { get; init; }

    [AwsQueryList("SubnetId")]
    public IReadOnlyList<string>? SubnetIds { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? DailySnapshotTime { get; init; }
}

public sealed record CreateServerlessCacheResponse
{
    public ServerlessCache? ServerlessCache { get; init; }
}
