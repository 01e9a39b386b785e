namespace Skyforge.Aws.ElastiCache;

public sealed record ListTagsForResourceRequest
{
    public required string ResourceName { get; init; }
}

public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<AwsTag>? TagList { get; init; }
}
