using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

/// <summary>One page of DB clusters; follow <see cref="DescribeDBClustersResponse.Marker"/> for the rest.</summary>
public sealed record DescribeDBClustersRequest
{
    public string? DBClusterIdentifier { get; init; }

    [AwsQueryList("Filter")]
    public IReadOnlyList<Filter>? Filters { get; init; }

    public int? MaxRecords { get; init; }

    public string? Marker { get; init; }

    public bool? IncludeShared { get; init; }
}

public sealed record DescribeDBClustersResponse
{
    public string? Marker { get; init; }

    public IReadOnlyList<DBCluster>? DBClusters { get; init; }
}
