namespace Skyforge.Aws.Rds;

public sealed record DeleteDBClusterRequest
{
    public required string DBClusterIdentifier { get; init; }

    public bool? SkipFinalSnapshot { get; init; }

    public string? FinalDBSnapshotIdentifier { get; init; }

    public bool? DeleteAutomatedBackups { get; init; }
}

public sealed record DeleteDBClusterResponse
{
    public DBCluster? DBCluster { get; init; }
}
