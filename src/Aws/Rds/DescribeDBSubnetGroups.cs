using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record DescribeDBSubnetGroupsRequest
{
    public string? DBSubnetGroupName { get; init; }

    [AwsQueryList("Filter")]
    public IReadOnlyList<Filter>? Filters { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }
}

public sealed record DescribeDBSubnetGroupsResponse
{
    public string? Marker { get; init; }

    public IReadOnlyList<DBSubnetGroup>? DBSubnetGroups { get; init; }
}
