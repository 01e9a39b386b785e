using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Blue/green settings.</summary>
public sealed record BlueGreenSpec
{
    /// <summary>Seconds the old colour keeps running after the switch, for a fast manual rollback.</summary>
    [Default("30"), Minimum(0), Maximum(86400)]
    public int? ScaleDownDelaySeconds { get; init; }
}
