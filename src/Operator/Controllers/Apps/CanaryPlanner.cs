using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.Apps;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// Canary: a new version first runs in the canary Deployment next to the unchanged stable one. Each step sends
/// its weight of traffic to the canary once the canary's pods are ready (EKS: the ALB's weighted forward action
/// between the stable and canary Services; K3s: the canary's share of the pods behind one Service) and holds it
/// for the step's pause. After the last step (or at a 100 % step) the stable Deployment is updated to the new
/// version; when it has rolled out the canary scales to zero and its weight returns to 0. A canary that exceeds
/// its progress deadline is scaled to zero with no traffic (auto rollback); stable never changed.
/// </summary>
public static class CanaryPlanner
{
    public static ServiceRollout Plan(RolloutInput input)
    {
        var service = input.Service.Name;
        var stable = input.LiveDeployment(service);
        var canary = input.LiveDeployment(AppNames.CanaryName(service));
        var desiredHash = PodTemplates.Hash(PodTemplates.Of(input.BuiltDeployment(service)));
        if (stable is null || stable.TemplateHash is null || stable.TemplateHash == desiredHash)
        {
            return Stable(input, stable, canary, desiredHash);
        }

        var deadline = input.Service.Rollout?.ProgressDeadlineSeconds ?? 600;
        var onDesired = canary is not null && canary.TemplateHash == desiredHash;
        var markedFailed = onDesired && canary!.Annotation(RolloutAnnotations.FailedTemplateHash) == desiredHash;
        if (onDesired && (markedFailed || canary!.Failed))
        {
            if (!input.AutoRollback)
            {
                return new ServiceRollout
                {
                    Apply = [],
                    CanaryWeight = Weight(canary),
                    Status = ServiceStatuses.Of(input, stable, stable.TemplateHash, RolloutStates.Failed, Weight(canary)),
                    Serving = stable.Available,
                    Degraded = new RolloutProblem(RolloutReasons.ProgressDeadlineExceeded,
                        $"canary revision {desiredHash} made no progress within {deadline}s (autoRollback is off)"),
                };
            }
            var stopped = CanaryDeployment(input, desiredHash, 0);
            RolloutAnnotations.Set(stopped, RolloutAnnotations.FailedTemplateHash, desiredHash);
            var message = $"canary revision {desiredHash} made no progress within {deadline}s; all traffic stays on revision {stable.TemplateHash}";
            return new ServiceRollout
            {
                Apply = [stopped],
                Status = ServiceStatuses.Of(input, stable, stable.TemplateHash, RolloutStates.RolledBack),
                Serving = stable.Available,
                Degraded = new RolloutProblem(RolloutReasons.RolledBack, message),
                Events = markedFailed ? [] : [new RolloutEvent(true, RolloutReasons.RolledBack, $"{service}: {message}")],
            };
        }
        return Advance(input, stable, onDesired ? canary : null, desiredHash);
    }

    /// <summary>Stable runs (or is being promoted to) the desired version.</summary>
    private static ServiceRollout Stable(RolloutInput input, ObservedDeployment? stable, ObservedDeployment? canary, string desiredHash)
    {
        var stableDeployment = PodTemplates.With(input.BuiltDeployment(input.Service.Name), null, null);
        RolloutAnnotations.Set(stableDeployment, RolloutAnnotations.TemplateHash, desiredHash);
        var complete = stable is not null && stable.TemplateHash == desiredHash && stable.Complete;
        var promoting = !complete && stable is not null && canary is { SpecReplicas: > 0 } && canary.TemplateHash == desiredHash;
        var apply = new List<JsonObject> { stableDeployment };
        if (!promoting)
        {
            apply.Add(CanaryDeployment(input, desiredHash, 0));
        }
        var weight = promoting ? Weight(canary) : 0;
        return new ServiceRollout
        {
            Apply = apply,
            CanaryWeight = weight,
            AutoscalerTarget = input.Service.Name,
            Status = ServiceStatuses.Of(input, stable, desiredHash, complete ? RolloutStates.Complete : RolloutStates.Progressing, weight),
            Progressing = !complete,
            Serving = stable is not null && stable.Available && stable.ReadyReplicas > 0,
        };
    }

    /// <summary>A canary of the desired version runs (or starts): move through the steps, then promote.</summary>
    private static ServiceRollout Advance(RolloutInput input, ObservedDeployment stable, ObservedDeployment? canary, string desiredHash)
    {
        var steps = input.Service.Rollout!.Canary!.Steps;
        var weighted = input.App.Spec.Target == Target.Eks;
        var step = Math.Clamp(int.TryParse(canary?.Annotation(RolloutAnnotations.CanaryStep), CultureInfo.InvariantCulture, out var recorded) ? recorded : 0, 0, steps.Count - 1);
        var startedText = canary?.Annotation(RolloutAnnotations.CanaryStepStartedAt);
        DateTimeOffset? started = startedText is null ? null : DateTimeOffset.Parse(startedText, CultureInfo.InvariantCulture);
        var weight = Weight(canary);
        var replicas = RolloutReplicas.Canary(stable.SpecReplicas, steps[step].Weight, weighted);
        var events = new List<RolloutEvent>();
        var apply = new List<JsonObject>();
        var state = RolloutStates.Progressing;
        TimeSpan? requeue = null;

        if (canary is not null && canary.Complete && canary.SpecReplicas == replicas)
        {
            if (started is null || weight != steps[step].Weight)
            {
                weight = steps[step].Weight;
                started = input.Now;
                events.Add(new RolloutEvent(false, RolloutReasons.CanaryStep,
                    $"{input.Service.Name}: canary revision {desiredHash} takes {weight}% of traffic (step {step + 1} of {steps.Count})"));
            }
            var remaining = started.Value + TimeSpan.FromSeconds(steps[step].PauseSeconds ?? 0) - input.Now;
            if (remaining > TimeSpan.Zero)
            {
                state = RolloutStates.Paused;
                requeue = remaining;
            }
            else if (step + 1 >= steps.Count || steps[step + 1].Weight >= 100)
            {
                var promoted = PodTemplates.With(input.BuiltDeployment(input.Service.Name), null, null);
                RolloutAnnotations.Set(promoted, RolloutAnnotations.TemplateHash, desiredHash);
                apply.Add(promoted);
                events.Add(new RolloutEvent(false, RolloutReasons.Promoted, $"{input.Service.Name}: canary revision {desiredHash} promoted to stable"));
            }
            else
            {
                step++;
                started = null;
                replicas = RolloutReplicas.Canary(stable.SpecReplicas, steps[step].Weight, weighted);
            }
        }

        var canaryDeployment = CanaryDeployment(input, desiredHash, replicas);
        RolloutAnnotations.Set(canaryDeployment, RolloutAnnotations.CanaryStep, step.ToString(CultureInfo.InvariantCulture));
        RolloutAnnotations.Set(canaryDeployment, RolloutAnnotations.CanaryWeight, weight.ToString(CultureInfo.InvariantCulture));
        if (started is { } startedAt)
        {
            RolloutAnnotations.Set(canaryDeployment, RolloutAnnotations.CanaryStepStartedAt, startedAt.ToString("O", CultureInfo.InvariantCulture));
        }
        apply.Insert(0, canaryDeployment);
        return new ServiceRollout
        {
            Apply = apply,
            CanaryWeight = weight,
            AutoscalerTarget = input.Service.Name,
            Status = ServiceStatuses.Of(input, stable, stable.TemplateHash!, state, weight),
            Progressing = true,
            Serving = stable.Available,
            Events = events,
            RequeueAfter = requeue,
        };
    }

    private static JsonObject CanaryDeployment(RolloutInput input, string hash, int replicas)
    {
        var deployment = PodTemplates.With(input.BuiltDeployment(AppNames.CanaryName(input.Service.Name)), null, replicas);
        RolloutAnnotations.Set(deployment, RolloutAnnotations.TemplateHash, hash);
        return deployment;
    }

    private static int Weight(ObservedDeployment? canary) =>
        int.TryParse(canary?.Annotation(RolloutAnnotations.CanaryWeight), CultureInfo.InvariantCulture, out var weight) ? weight : 0;
}
