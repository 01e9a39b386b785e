using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>ManagedCache is a Redis-compatible cache (ElastiCache or in-cluster) with its connection details in a Secret.</summary>
[Kind("ManagedCache", "managedcaches", "mc")]
[PrinterColumn(1, "Mode", "string", ".spec.mode", "Topology")]
[PrinterColumn(2, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the cache accepts connections")]
[PrinterColumn(3, "Phase", "string", ".status.phase", "Current state")]
[PrinterColumn(4, "Endpoint", "string", ".status.endpoint.host", "Primary endpoint")]
[PrinterColumn(5, "Provider", "string", ".spec.provider", "Where it runs", Priority = 1)]
[PrinterColumn(6, "Age", "date", ".metadata.creationTimestamp", "Time since creation")]
public sealed class ManagedCache : CustomResource<ManagedCacheSpec, ManagedCacheStatus>
{
    public ManagedCache() => Kind = "ManagedCache";
}
