using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>One service's rollout decision for its strategy (pure: the same input always gives the same plan).</summary>
public static class RolloutPlanner
{
    public static ServiceRollout Plan(RolloutInput input) => (input.Service.Rollout?.Strategy ?? RolloutStrategy.RollingUpdate) switch
    {
        RolloutStrategy.BlueGreen => BlueGreenPlanner.Plan(input),
        RolloutStrategy.Canary => CanaryPlanner.Plan(input),
        _ => RollingUpdatePlanner.Plan(input),
    };
}
