using Skyforge.Crds.V1Alpha1;
using Skyforge.Runtime.Conditions;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>One condition to set: type, status, reason, message.</summary>
public sealed record AppCondition(string Type, string Status, string Reason, string Message);

/// <summary>
/// The AppPlatform's aggregated state: phase and the five conditions, from its data services' readiness and its
/// services' rollouts (pure, so every combination is unit-tested).
/// </summary>
public sealed record AppStatusSummary(string Phase, IReadOnlyList<AppCondition> Conditions)
{
    /// <param name="held">Services waiting for data services, with the names they wait for.</param>
    public static AppStatusSummary Compute(
        IReadOnlyList<DataServiceStatus> dataServices,
        IReadOnlyList<(string Service, ServiceRollout Rollout)> rollouts,
        IReadOnlyList<(string Service, IReadOnlyList<string> WaitingFor)> held)
    {
        var notReady = dataServices.Where(data => !data.Ready).ToList();
        var dataCondition = dataServices.Count == 0
            ? new AppCondition(AppConditions.DataServicesReady, ConditionSet.True, AppConditions.NoDataServices, "the application declares no data services")
            : notReady.Count == 0
                ? new AppCondition(AppConditions.DataServicesReady, ConditionSet.True, AppConditions.AllReady, $"{dataServices.Count} data service(s) ready")
                : new AppCondition(AppConditions.DataServicesReady, ConditionSet.False, AppConditions.DataServicesNotReady,
                    string.Join("; ", notReady.Select(data => $"{data.Kind} {data.Name}: {data.Message}")));

        var notServing = rollouts.Where(r => !r.Rollout.Serving).Select(r => r.Service).ToList();
        AppCondition workloads;
        if (held.Count > 0)
        {
            workloads = new AppCondition(AppConditions.WorkloadsReady, ConditionSet.False, AppConditions.DependencyNotReady,
                string.Join("; ", held.Select(h => $"{h.Service} waits for {string.Join(", ", h.WaitingFor)}")));
        }
        else if (notServing.Count > 0)
        {
            workloads = new AppCondition(AppConditions.WorkloadsReady, ConditionSet.False, AppConditions.WorkloadsNotReady,
                $"not yet available: {string.Join(", ", notServing)}");
        }
        else
        {
            workloads = new AppCondition(AppConditions.WorkloadsReady, ConditionSet.True, AppConditions.AllReady, $"{rollouts.Count} service(s) available");
        }

        var progressing = rollouts.Where(r => r.Rollout.Progressing).ToList();
        var progressingCondition = progressing.Count > 0
            ? new AppCondition(AppConditions.Progressing, ConditionSet.True, AppConditions.RolloutInProgress,
                string.Join("; ", progressing.Select(r => Describe(r.Service, r.Rollout.Status))))
            : new AppCondition(AppConditions.Progressing, ConditionSet.False, AppConditions.RolloutComplete,
                held.Count > 0 ? "no rollout runs while services wait for data services" : "every service runs its desired revision");

        var degraded = rollouts.Where(r => r.Rollout.Degraded is not null).ToList();
        var degradedCondition = degraded.Count > 0
            ? new AppCondition(AppConditions.Degraded, ConditionSet.True, degraded[0].Rollout.Degraded!.Reason,
                string.Join("; ", degraded.Select(r => r.Rollout.Degraded!.Message)))
            : new AppCondition(AppConditions.Degraded, ConditionSet.False, AppConditions.AsExpected, "no failed revision");

        AppCondition ready;
        if (dataCondition.Status != ConditionSet.True)
        {
            ready = new AppCondition(AppConditions.Ready, ConditionSet.False, held.Count > 0 ? AppConditions.DependencyNotReady : AppConditions.DataServicesNotReady, dataCondition.Message);
        }
        else if (workloads.Status != ConditionSet.True)
        {
            ready = new AppCondition(AppConditions.Ready, ConditionSet.False, workloads.Reason, workloads.Message);
        }
        else
        {
            ready = new AppCondition(AppConditions.Ready, ConditionSet.True, AppConditions.Available, "every data service and service is ready");
        }

        var phase = ready.Status == ConditionSet.True
            ? degraded.Count > 0 ? "Degraded" : progressing.Count > 0 ? "Deploying" : "Running"
            : dataCondition.Status != ConditionSet.True ? "Provisioning" : degraded.Count > 0 ? "Degraded" : "Deploying";
        return new AppStatusSummary(phase, [ready, dataCondition, workloads, progressingCondition, degradedCondition]);
    }

    private static string Describe(string service, ServiceStatus status) => status.CanaryWeight is { } weight
        ? $"{service}: {status.Rollout} (canary {weight}%)"
        : $"{service}: {status.Rollout}";
}
