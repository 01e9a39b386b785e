using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record AddTagsToResourceRequest
{
    public required string ResourceName { get; init; }

    [AwsQueryList("Tag")]
    public required IReadOnlyList<AwsTag> Tags { get; init; }
}
