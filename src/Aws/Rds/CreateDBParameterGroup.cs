using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBParameterGroupRequest
{
    public required string DBParameterGroupName { get; init; }

    public required string DBParameterGroupFamily { get; init; }

    public required string Description { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}

public sealed record CreateDBParameterGroupResponse
{
    public DBParameterGroup? DBParameterGroup { get; init; }
}
