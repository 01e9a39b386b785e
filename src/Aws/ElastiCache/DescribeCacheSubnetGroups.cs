namespace Skyforge.Aws.ElastiCache;

public sealed record DescribeCacheSubnetGroupsRequest
{
    public string? CacheSubnetGroupName { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }
}

public sealed record DescribeCacheSubnetGroupsResponse
{
    public string? Marker { get; init; }

    public IReadOnlyList<CacheSubnetGroup>? CacheSubnetGroups { get; init; }
}
