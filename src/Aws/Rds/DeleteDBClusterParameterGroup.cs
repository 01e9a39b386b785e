namespace Skyforge.Aws.Rds;

public sealed record DeleteDBClusterParameterGroupRequest
{
    public required string DBClusterParameterGroupName { get; init; }
}
