using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Container requests and limits, as Kubernetes quantities.</summary>
public sealed record ServiceResources
{
    /// <summary>CPU request, e.g. 256m.</summary>
    [Pattern(Patterns.Quantity)]
    public string? Cpu { get; init; }

    /// <summary>Memory request, e.g. 512Mi.</summary>
    [Pattern(Patterns.Quantity)]
    public string? Memory { get; init; }

    /// <summary>CPU limit; none when unset, so the container can burst.</summary>
    [Pattern(Patterns.Quantity)]
    public string? CpuLimit { get; init; }

    /// <summary>Memory limit; the memory request when unset.</summary>
    [Pattern(Patterns.Quantity)]
    public string? MemoryLimit { get; init; }
}
