using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

/// <summary>Sets up to 20 parameters per call.</summary>
public sealed record ModifyDBParameterGroupRequest
{
    public required string DBParameterGroupName { get; init; }

    [AwsQueryList("Parameter")]
    public required IReadOnlyList<Parameter> Parameters { get; init; }
}

public sealed record ModifyDBParameterGroupResponse
{
    public string? DBParameterGroupName { get; init; }
}
