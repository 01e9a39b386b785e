namespace Skyforge.Aws.ElastiCache;

public sealed record DeleteCacheParameterGroupRequest
{
    public required string CacheParameterGroupName { get; init; }
}
