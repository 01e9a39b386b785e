using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record CreateCacheParameterGroupRequest
{
    public required string CacheParameterGroupName { get; init; }

    public required string CacheParameterGroupFamily { get; init; }

    public required string Description { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}

public sealed record CreateCacheParameterGroupResponse
{
    public CacheParameterGroup? CacheParameterGroup { get; init; }
}
