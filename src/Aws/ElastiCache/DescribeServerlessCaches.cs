namespace Skyforge.Aws.ElastiCache;

/// <summary>One page of serverless caches; follow <see cref="DescribeServerlessCachesResponse.NextToken"/> for the rest.</summary>
public sealed record DescribeServerlessCachesRequest
{
    public string? ServerlessCacheName { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeServerlessCachesResponse
{
    public string? NextToken { get; init; }

    public IReadOnlyList<ServerlessCache>? ServerlessCaches { get; init; }
}
