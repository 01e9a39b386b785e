using Microsoft.Extensions.Diagnostics.HealthChecks;
using Skyforge.Runtime.Controllers;

namespace Skyforge.Runtime.DependencyInjection;

/// <summary>Ready once every informer has synced and leadership is known (held here or seen elsewhere).</summary>
public sealed class ControllerHostReadinessCheck(ControllerHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.IsReady
            ? HealthCheckResult.Healthy(host.IsLeader ? "caches synced; leading" : "caches synced; standby")
            : HealthCheckResult.Unhealthy("caches syncing or leadership unknown"));
}
