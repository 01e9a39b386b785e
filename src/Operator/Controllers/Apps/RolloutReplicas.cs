using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.Apps;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>Replica counts the planners reason with.</summary>
public static class RolloutReplicas
{
    /// <summary>What a service starts with: its replicas, or the autoscaler's minimum.</summary>
    public static int Initial(AppPlatform app, AppService service) => service.Autoscaling is not null
        ? EnvironmentDefaults.MinReplicas(app.Spec, service)
        : EnvironmentDefaults.Replicas(app.Spec, service);

    /// <summary>
    /// Pods for a canary taking <paramref name="weight"/> % of traffic next to <paramref name="stable"/> stable pods: on
    /// EKS the ALB splits traffic by weight, so the canary needs its share of capacity; on K3s the Service spreads
    /// requests over all pods, so the canary's share of pods is its share of traffic (at least one pod either way).
    /// </summary>
    public static int Canary(int stable, int weight, bool weightedRouting)
    {
        if (weight >= 100)
        {
            return Math.Max(1, stable);
        }
        var exact = weightedRouting ? stable * weight / 100.0 : stable * weight / (double)(100 - weight);
        return Math.Max(1, (int)Math.Ceiling(exact));
    }
}
