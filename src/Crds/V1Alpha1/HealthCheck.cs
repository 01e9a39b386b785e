using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>HTTP endpoint used for the readiness and liveness probes.</summary>
public sealed record HealthCheck
{
    /// <summary>Request path, e.g. /healthz.</summary>
    [RequiredField, Length(1, 1024), Pattern("^/")]
    public required string Path { get; init; }

    /// <summary>Port; the service's port when unset.</summary>
    [Minimum(1), Maximum(65535)]
    public int? Port { get; init; }

    /// <summary>Seconds after start before the first liveness probe.</summary>
    [Default("10"), Minimum(0), Maximum(3600)]
    public int? InitialDelaySeconds { get; init; }
}
