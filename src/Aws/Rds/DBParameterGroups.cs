namespace Skyforge.Aws.Rds;

public sealed record DBParameterGroup
{
    public string? DBParameterGroupName { get; init; }

    public string? DBParameterGroupFamily { get; init; }

    public string? Description { get; init; }

    public string? DBParameterGroupArn { get; init; }
}

public sealed record DBClusterParameterGroup
{
    public string? DBClusterParameterGroupName { get; init; }

    public string? DBParameterGroupFamily { get; init; }

    public string? Description { get; init; }

    public string? DBClusterParameterGroupArn { get; init; }
}
