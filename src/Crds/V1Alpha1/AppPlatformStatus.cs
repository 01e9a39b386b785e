using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of an AppPlatform.</summary>
public sealed record AppPlatformStatus
{
    /// <summary>Current state in one word: Pending, Provisioning, Deploying, Running, Degraded.</summary>
    public string? Phase { get; init; }

    /// <summary>Public URL of the application's Ingress.</summary>
    public string? Url { get; init; }

    /// <summary>The spec generation this status was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>Ready, DataServicesReady, WorkloadsReady, Progressing, Degraded.</summary>
    [ListMap("type")]
    public List<Condition>? Conditions { get; init; }

    /// <summary>Each workload's replicas and rollout.</summary>
    [ListMap("name")]
    public List<ServiceStatus>? Services { get; init; }

    /// <summary>Each composed data service's readiness.</summary>
    [ListMap("kind", "name")]
    public List<DataServiceStatus>? DataServices { get; init; }

    /// <summary>Monitoring objects that could not be created, e.g. because the Prometheus Operator CRDs are not served.</summary>
    public string? ObservabilityMessage { get; init; }
}
