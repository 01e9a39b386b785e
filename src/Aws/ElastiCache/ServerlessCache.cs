namespace Skyforge.Aws.ElastiCache;

/// <summary>A serverless cache (<c>Status</c>: creating, available, modifying, deleting, create-failed).</summary>
public sealed record ServerlessCache
{
    public string? ServerlessCacheName { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? CreateTime { get; init; }

    public string? Status { get; init; }

    public string? Engine { get; init; }

    public string? MajorEngineVersion { get; init; }

    public string? FullEngineVersion { get; init; }

    public CacheUsageLimits? CacheUsageLimits { get; init; }

    public string? KmsKeyId { get; init; }

    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public Endpoint? Endpoint { get; init; }

    public Endpoint? ReaderEndpoint { get; init; }

    public string? ARN { get; init; }

    public string? UserGroupId { get; init; }

    public IReadOnlyList<string>? SubnetIds { get; init; }

    public int? SnapshotRetentionLimit { get; init; }

    public string? DailySnapshotTime { get; init; }
}

public sealed record CacheUsageLimits
{
    public DataStorage? DataStorage { get; init; }

    public ECPUPerSecond? ECPUPerSecond { get; init; }
}

/// <summary>Storage bounds; <c>Unit</c> is <c>GB</c>.</summary>
public sealed record DataStorage
{
    public int? Maximum { get; init; }

    public int? Minimum { get; init; }

    public required string Unit { get; init; }
}

public sealed record ECPUPerSecond
{
    public int? Maximum { get; init; }

    public int? Minimum { get; init; }
}
