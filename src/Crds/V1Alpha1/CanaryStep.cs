using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>One canary step: a traffic share held for a while.</summary>
public sealed record CanaryStep
{
    /// <summary>Percent of traffic sent to the new version.</summary>
    [RequiredField, Minimum(1), Maximum(100)]
    public required int Weight { get; init; }

    /// <summary>Seconds to hold this weight before the next step, while the canary stays ready.</summary>
    [Default("0"), Minimum(0), Maximum(86400)]
    public int? PauseSeconds { get; init; }
}
