using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Aurora Serverless v2 capacity range in Aurora capacity units (ACUs).</summary>
[CelRule("self.minCapacity <= self.maxCapacity", "minCapacity must be <= maxCapacity", FieldPath = ".minCapacity")]
public sealed record ServerlessCapacity
{
    /// <summary>Minimum ACUs, in steps of 0.5.</summary>
    [RequiredField, Minimum(0), Maximum(256), MultipleOf(0.5)]
    public required double MinCapacity { get; init; }

    /// <summary>Maximum ACUs, in steps of 0.5.</summary>
    [RequiredField, Minimum(1), Maximum(256), MultipleOf(0.5)]
    public required double MaxCapacity { get; init; }
}
