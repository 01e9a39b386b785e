using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record AddTagsToResourceRequest
{
    public required string ResourceName { get; init; }

    [AwsQueryList("Tag")]
    public required IReadOnlyList<AwsTag> Tags { get; init; }
}

public sealed record AddTagsToResourceResponse
{
    public IReadOnlyList<AwsTag>? TagList { get; init; }
}
