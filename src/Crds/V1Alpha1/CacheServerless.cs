using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Usage limits of an ElastiCache Serverless cache.</summary>
public sealed record CacheServerless
{
    /// <summary>Maximum data stored, in GiB.</summary>
    [Minimum(1), Maximum(5000)]
    public int? MaxDataStorageGiB { get; init; }

    /// <summary>Maximum ElastiCache Processing Units per second.</summary>
    [Minimum(1000), Maximum(15000000)]
    public int? MaxEcpuPerSecond { get; init; }
}
