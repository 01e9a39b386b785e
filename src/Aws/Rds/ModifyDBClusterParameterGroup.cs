using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

/// <summary>Sets up to 20 parameters per call.</summary>
public sealed record ModifyDBClusterParameterGroupRequest
{
    public required string DBClusterParameterGroupName { get; init; }

    [AwsQueryList("Parameter")]
    public required IReadOnlyList<Parameter> Parameters { get; init; }
}

public sealed record ModifyDBClusterParameterGroupResponse
{
    public string? DBClusterParameterGroupName { get; init; }
}
