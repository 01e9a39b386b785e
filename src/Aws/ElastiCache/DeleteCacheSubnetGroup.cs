namespace Skyforge.Aws.ElastiCache;

public sealed record DeleteCacheSubnetGroupRequest
{
    public required string CacheSubnetGroupName { get; init; }
}
