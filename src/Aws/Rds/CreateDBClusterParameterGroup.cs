using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBClusterParameterGroupRequest
{
    public required string DBClusterParameterGroupName { get; init; }

    public required string DBParameterGroupFamily { get; init; }

    public required string Description { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}

public sealed record CreateDBClusterParameterGroupResponse
{
    public DBClusterParameterGroup? DBClusterParameterGroup { get; init; }
}
