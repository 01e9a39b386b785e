using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Monitoring objects for the Prometheus Operator, created when its CRDs are served.</summary>
public sealed record ObservabilitySpec
{
    /// <summary>Create a ServiceMonitor for services that expose metrics.</summary>
    [Default("false")]
    public bool? ServiceMonitor { get; init; }

    /// <summary>Create a PrometheusRule with these alerts.</summary>
    public AlertsSpec? Alerts { get; init; }

    /// <summary>Label a Grafana dashboard ConfigMap for the sidecar to pick up.</summary>
    [Default("false")]
    public bool? Dashboards { get; init; }
}
