using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Automatic daily snapshots.</summary>
public sealed record CacheSnapshot
{
    /// <summary>Days snapshots are kept; 0 turns them off.</summary>
    [Default("0"), Minimum(0), Maximum(35)]
    public int? RetentionDays { get; init; }

    /// <summary>Daily snapshot window in UTC, hh:mm-hh:mm.</summary>
    [Pattern(Patterns.DailyWindow)]
    public string? Window { get; init; }
}
