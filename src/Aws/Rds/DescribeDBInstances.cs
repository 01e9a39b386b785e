using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

/// <summary>One page of DB instances (<c>MaxRecords</c> 20–100); follow <see cref="DescribeDBInstancesResponse.Marker"/> for the rest.</summary>
public sealed record DescribeDBInstancesRequest
{
    public string? DBInstanceIdentifier { get; init; }

    [AwsQueryList("Filter")]
    public IReadOnlyList<Filter>? Filters { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }
}

public sealed record DescribeDBInstancesResponse
{
    public string? Marker { get; init; }

    public IReadOnlyList<DBInstance>? DBInstances { get; init; }
}
