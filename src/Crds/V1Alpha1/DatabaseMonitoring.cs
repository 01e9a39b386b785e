using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Enhanced monitoring, Performance Insights and log exports.</summary>
public sealed record DatabaseMonitoring
{
    /// <summary>Enhanced Monitoring interval in seconds; 0 turns it off.</summary>
    [Default("0"), AllowedNumbers(0, 1, 5, 10, 15, 30, 60)]
    public int? IntervalSeconds { get; init; }

    /// <summary>Turn on Performance Insights.</summary>
    [Default("false")]
    public bool? PerformanceInsights { get; init; }

    /// <summary>Log types exported to CloudWatch Logs, e.g. postgresql, error, slowquery, audit.</summary>
    [Items(0, 10), ListSet, ItemPattern("^[a-z-]+$")]
    public List<string>? LogExports { get; init; }
}
