using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>One workload of the application.</summary>
[CelRule("self.kind == 'worker' || has(self.port)", "web services need a port", FieldPath = ".port")]
[CelRule("!has(self.route) || self.kind == 'web'", "a worker cannot have a route: it has no Service", FieldPath = ".route")]
[CelRule("!has(self.nodePort) || self.kind == 'web'", "a worker cannot have a nodePort: it has no Service", FieldPath = ".nodePort")]
[CelRule("!has(self.healthCheck) || has(self.healthCheck.port) || has(self.port)", "healthCheck needs a port when the service has none", FieldPath = ".healthCheck.port")]
[CelRule("!has(self.metrics) || has(self.metrics.port) || has(self.port)", "metrics needs a port when the service has none", FieldPath = ".metrics.port")]
public sealed record AppService
{
    /// <summary>Service name: names the Deployment, Service and route.</summary>
    [RequiredField, Length(1, 40), Pattern(Patterns.DnsLabel)]
    public required string Name { get; init; }

    /// <summary>Container image, e.g. ghcr.io/acme/api:1.4.2.</summary>
    [RequiredField, Length(1, 1024), Pattern("^[^\\s]+$")]
    public required string Image { get; init; }

    /// <summary>web gets a Service; worker runs without one.</summary>
    [Default("\"web\"")]
    public ServiceKind? Kind { get; init; }

    /// <summary>Container port.</summary>
    [Minimum(1), Maximum(65535)]
    public int? Port { get; init; }

    /// <summary>Replica count; ignored while autoscaling is set. 1 by default, 2 in prod.</summary>
    [Minimum(0), Maximum(1000)]
    public int? Replicas { get; init; }

    /// <summary>Entrypoint override.</summary>
    public List<string>? Command { get; init; }

    /// <summary>Arguments.</summary>
    public List<string>? Args { get; init; }

    /// <summary>Extra environment variables.</summary>
    [ListMap("name"), Items(0, 200)]
    public List<EnvVar>? Env { get; init; }

    /// <summary>Requests and limits.</summary>
    public ServiceResources? Resources { get; init; }

    /// <summary>Readiness and liveness probe endpoint.</summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>Horizontal pod autoscaling.</summary>
    public AutoscalingSpec? Autoscaling { get; init; }

    /// <summary>Ingress route to this service.</summary>
    public RouteSpec? Route { get; init; }

    /// <summary>Expose the service on this node port (Service type NodePort).</summary>
    [Minimum(30000), Maximum(32767)]
    public int? NodePort { get; init; }

    /// <summary>Data services whose connection details are injected as environment variables.</summary>
    [Items(0, 20)]
    public List<ServiceBinding>? Uses { get; init; }

    /// <summary>ServiceAccount settings (IRSA).</summary>
    public ServiceAccountSpec? ServiceAccount { get; init; }

    /// <summary>Prometheus metrics endpoint.</summary>
    public MetricsSpec? Metrics { get; init; }

    /// <summary>Rollout strategy.</summary>
    [Default("{}")]
    public RolloutSpec? Rollout { get; init; }
}
