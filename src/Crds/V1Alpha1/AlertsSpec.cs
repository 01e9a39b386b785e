using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Prometheus alert thresholds, in percent of each container's limit (or request).</summary>
public sealed record AlertsSpec
{
    /// <summary>Alert when CPU use stays above this for 10 minutes.</summary>
    [Minimum(1), Maximum(100)]
    public int? CpuPercent { get; init; }

    /// <summary>Alert when memory use stays above this for 10 minutes.</summary>
    [Minimum(1), Maximum(100)]
    public int? MemoryPercent { get; init; }
}
