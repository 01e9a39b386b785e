using System.Text.Json.Nodes;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// RollingUpdate: the Deployment controller replaces pods within maxSurge/maxUnavailable; Skyforge records the
/// last template that rolled out completely and, when a new one exceeds its progress deadline, puts that
/// template back (auto rollback) and keeps it until the spec asks for yet another version.
/// </summary>
public static class RollingUpdatePlanner
{
    public static ServiceRollout Plan(RolloutInput input)
    {
        var built = input.Built[0];
        var name = built["metadata"]!["name"]!.GetValue<string>();
        var desired = PodTemplates.Of(built);
        var desiredHash = PodTemplates.Hash(desired);
        var live = input.LiveDeployment(name);
        var healthyJson = live?.Annotation(RolloutAnnotations.HealthyTemplate);
        var healthy = healthyJson is null ? null : JsonNode.Parse(healthyJson)!.AsObject();
        var healthyHash = healthy is null ? null : PodTemplates.Hash(healthy);
        var deadline = input.Service.Rollout?.ProgressDeadlineSeconds ?? 600;

        var pinned = input.AutoRollback && healthy is not null && healthyHash != desiredHash
            && live!.Annotation(RolloutAnnotations.FailedTemplateHash) == desiredHash;
        var failingNow = live is not null && live.TemplateHash == desiredHash && live.Failed;
        if (pinned || (failingNow && input.AutoRollback && healthy is not null && healthyHash != desiredHash))
        {
            var rollback = PodTemplates.With(built, healthy, null);
            RolloutAnnotations.Set(rollback, RolloutAnnotations.TemplateHash, healthyHash!);
            RolloutAnnotations.Set(rollback, RolloutAnnotations.HealthyTemplate, healthyJson!);
            RolloutAnnotations.Set(rollback, RolloutAnnotations.FailedTemplateHash, desiredHash);
            var message = $"revision {desiredHash} made no progress within {deadline}s; rolled back to revision {healthyHash}";
            return new ServiceRollout
            {
                Apply = [rollback],
                Status = ServiceStatuses.Of(input, live, healthyHash!, RolloutStates.RolledBack),
                Progressing = false,
                Serving = live!.Available,
                Degraded = new RolloutProblem(RolloutReasons.RolledBack, message),
                Events = pinned ? [] : [new RolloutEvent(Warning: true, RolloutReasons.RolledBack, $"{input.Service.Name}: {message}")],
            };
        }

        var deployment = PodTemplates.With(built, null, null);
        RolloutAnnotations.Set(deployment, RolloutAnnotations.TemplateHash, desiredHash);
        var complete = live is not null && live.TemplateHash == desiredHash && live.Complete;
        var record = complete ? desired.ToJsonString() : healthyJson;
        if (record is not null)
        {
            RolloutAnnotations.Set(deployment, RolloutAnnotations.HealthyTemplate, record);
        }
        if (failingNow)
        {
            var why = input.AutoRollback
                ? $"revision {desiredHash} made no progress within {deadline}s and no earlier revision rolled out healthily to return to"
                : $"revision {desiredHash} made no progress within {deadline}s (autoRollback is off)";
            return new ServiceRollout
            {
                Apply = [deployment],
                Status = ServiceStatuses.Of(input, live, desiredHash, RolloutStates.Failed),
                Serving = live!.Available,
                Degraded = new RolloutProblem(RolloutReasons.ProgressDeadlineExceeded, why),
            };
        }
        return new ServiceRollout
        {
            Apply = [deployment],
            Status = ServiceStatuses.Of(input, live, desiredHash, complete ? RolloutStates.Complete : RolloutStates.Progressing),
            Progressing = !complete,
            Serving = live is not null && live.Available && live.ReadyReplicas > 0,
        };
    }
}
