namespace Skyforge.Aws.Rds;

public sealed record DeleteDBInstanceRequest
{
    public required string DBInstanceIdentifier { get; init; }

    public bool? SkipFinalSnapshot { get; init; }

    public string? FinalDBSnapshotIdentifier { get; init; }

    public bool? DeleteAutomatedBackups { get; init; }
}

public sealed record DeleteDBInstanceResponse
{
    public DBInstance? DBInstance { get; init; }
}
