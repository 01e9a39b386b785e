using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Prometheus metrics endpoint scraped by the ServiceMonitor.</summary>
public sealed record MetricsSpec
{
    /// <summary>Port; the service's port when unset.</summary>
    [Minimum(1), Maximum(65535)]
    public int? Port { get; init; }

    /// <summary>Request path.</summary>
    [Default("\"/metrics\""), Pattern("^/")]
    public string? Path { get; init; }
}
