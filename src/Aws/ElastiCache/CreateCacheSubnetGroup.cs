using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record CreateCacheSubnetGroupRequest
{
    public required string CacheSubnetGroupName { get; init; }

    public required string CacheSubnetGroupDescription { get; init; }

    [AwsQueryList("SubnetIdentifier")]
    public required IReadOnlyList<string> SubnetIds { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}

public sealed record CreateCacheSubnetGroupResponse
{
    public CacheSubnetGroup? CacheSubnetGroup { get; init; }
}
