using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Compute and storage for an in-cluster engine (provider inCluster only).</summary>
public sealed record InClusterResources
{
    /// <summary>CPU request, a Kubernetes quantity such as 250m.</summary>
    [Pattern(Patterns.Quantity)]
    public string? Cpu { get; init; }

    /// <summary>Memory request and limit, a Kubernetes quantity such as 512Mi.</summary>
    [Pattern(Patterns.Quantity)]
    public string? Memory { get; init; }

    /// <summary>Size of the persistent volume in GiB.</summary>
    [Minimum(1), Maximum(16384)]
    public int? StorageGiB { get; init; }
}
