using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

/// <summary>A Describe filter, e.g. <c>db-cluster-id</c> or <c>engine</c>.</summary>
public sealed record Filter
{
    public required string Name { get; init; }

    [AwsQueryList("Value")]
    public required IReadOnlyList<string> Values { get; init; }
}
