using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record ListTagsForResourceRequest
{
    public required string ResourceName { get; init; }

    [AwsQueryList("Filter")]
    public IReadOnlyList<Filter>? Filters { get; init; }
}

public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<AwsTag>? TagList { get; init; }
}
