using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Automated backups.</summary>
public sealed record BackupSpec
{
    /// <summary>Days automated backups are kept; 0 disables them (RDS only; Aurora keeps at least 1).</summary>
    [Default("7"), Minimum(0), Maximum(35)]
    public int? RetentionDays { get; init; }

    /// <summary>Daily backup window in UTC, hh:mm-hh:mm (at least 30 minutes, not overlapping maintenance).</summary>
    [Pattern(Patterns.DailyWindow)]
    public string? Window { get; init; }
}
