using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>One application's whole topology: its workloads and the data services they use.</summary>
[CelRule("!has(self.ingress) || !has(self.ingress.wafAclArn) || self.target == 'eks'", "wafAclArn needs target eks (AWS WAF attaches to an ALB)", FieldPath = ".ingress.wafAclArn")]
[CelRule("!has(self.ingress) || !has(self.ingress.tls) || !has(self.ingress.tls.certificateArn) || self.target == 'eks'", "certificateArn needs target eks; on k3s use tls.secretName", FieldPath = ".ingress.tls.certificateArn")]
public sealed record AppPlatformSpec
{
    /// <summary>Cluster type: picks the ingress class (alb or traefik), storage class and annotations. Cannot change after creation.</summary>
    [RequiredField, Immutable]
    public required Target Target { get; init; }

    /// <summary>Stage; prod tightens defaults (2+ replicas, Multi-AZ, deletion protection, Retain).</summary>
    [Default("\"dev\"")]
    public Environment? Environment { get; init; }

    /// <summary>The workloads.</summary>
    [ListMap("name"), Items(0, 50)]
    public List<AppService>? Services { get; init; }

    /// <summary>The application's Ingress.</summary>
    public IngressSpec? Ingress { get; init; }

    /// <summary>Databases created as child ManagedDatabases.</summary>
    [ListMap("name"), Items(0, 20)]
    public List<ComposedResource<ManagedDatabaseSpec>>? Databases { get; init; }

    /// <summary>Caches created as child ManagedCaches.</summary>
    [ListMap("name"), Items(0, 20)]
    public List<ComposedResource<ManagedCacheSpec>>? Caches { get; init; }

    /// <summary>Message buses created as child MessageBuses.</summary>
    [ListMap("name"), Items(0, 20)]
    public List<ComposedResource<MessageBusSpec>>? MessageBuses { get; init; }

    /// <summary>Secrets created as child ManagedSecrets.</summary>
    [ListMap("name"), Items(0, 50)]
    public List<ComposedResource<ManagedSecretSpec>>? Secrets { get; init; }

    /// <summary>ServiceMonitor, alerts and dashboards.</summary>
    [Default("{}")]
    public ObservabilitySpec? Observability { get; init; }

    /// <summary>Network policies.</summary>
    [Default("{}")]
    public NetworkPolicySpec? NetworkPolicy { get; init; }

    /// <summary>Scheduling.</summary>
    [Default("{}")]
    public PlacementSpec? Placement { get; init; }
}
