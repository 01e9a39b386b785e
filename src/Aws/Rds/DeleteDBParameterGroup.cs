namespace Skyforge.Aws.Rds;

public sealed record DeleteDBParameterGroupRequest
{
    public required string DBParameterGroupName { get; init; }
}
