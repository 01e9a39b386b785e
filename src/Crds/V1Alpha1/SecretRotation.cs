using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Scheduled regeneration of generated values.</summary>
public sealed record SecretRotation
{
    /// <summary>Days between regenerations.</summary>
    [RequiredField, Minimum(1), Maximum(365)]
    public required int IntervalDays { get; init; }
}
