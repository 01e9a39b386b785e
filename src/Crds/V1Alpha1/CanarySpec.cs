using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Canary steps; after the last step the new version takes all traffic.</summary>
public sealed record CanarySpec
{
    /// <summary>Steps in order, with increasing weights.</summary>
    [RequiredField, Items(1, 20)]
    public required List<CanaryStep> Steps { get; init; }
}
