using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Operator.Builders.Apps;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// BlueGreen: the Service selects one colour (the active one). A new version goes to the other colour at full
/// size; the Service switches only once all of its pods are ready; the old colour keeps running for
/// scaleDownDelaySeconds (a fast manual way back), then scales to zero. A new colour that exceeds its progress
/// deadline is scaled to zero and the Service never moves (auto rollback).
/// </summary>
public static class BlueGreenPlanner
{
    public static ServiceRollout Plan(RolloutInput input)
    {
        var service = input.Service.Name;
        var active = input.LiveService?["spec"]?["selector"]?[AppNames.ColorLabel]?.GetValue<string>() ?? Workloads.Blue;
        var preview = active == Workloads.Blue ? Workloads.Green : Workloads.Blue;
        var activeLive = input.LiveDeployment(AppNames.ColorName(service, active));
        var previewLive = input.LiveDeployment(AppNames.ColorName(service, preview));
        var desiredHash = PodTemplates.Hash(PodTemplates.Of(input.BuiltDeployment(AppNames.ColorName(service, active))));
        var switchedAt = RolloutAnnotations.Get(input.LiveService, RolloutAnnotations.SwitchedAt);
        var size = activeLive?.SpecReplicas ?? RolloutReplicas.Initial(input.App, input.Service);

        if (activeLive is null || activeLive.TemplateHash is null || activeLive.TemplateHash == desiredHash)
        {
            return Steady(input, active, preview, activeLive, previewLive, desiredHash, size, switchedAt);
        }

        var previewRuns = previewLive is not null && previewLive.TemplateHash == desiredHash;
        var deadline = input.Service.Rollout?.ProgressDeadlineSeconds ?? 600;
        if (previewRuns && input.AutoRollback
            && (previewLive!.Annotation(RolloutAnnotations.FailedTemplateHash) == desiredHash || previewLive.Failed))
        {
            var newlyFailed = previewLive.Annotation(RolloutAnnotations.FailedTemplateHash) != desiredHash;
            var stopped = Colour(input, preview, desiredHash, 0);
            RolloutAnnotations.Set(stopped, RolloutAnnotations.FailedTemplateHash, desiredHash);
            var message = $"revision {desiredHash} ({preview}) made no progress within {deadline}s; traffic stays on {active} (revision {activeLive.TemplateHash})";
            return new ServiceRollout
            {
                Apply = [stopped],
                ActiveColor = active,
                SwitchedAt = switchedAt,
                AutoscalerTarget = AppNames.ColorName(service, active),
                Status = ServiceStatuses.Of(input, activeLive, activeLive.TemplateHash, RolloutStates.RolledBack),
                Serving = activeLive.Available,
                Degraded = new RolloutProblem(RolloutReasons.RolledBack, message),
                Events = newlyFailed ? [new RolloutEvent(true, RolloutReasons.RolledBack, $"{service}: {message}")] : [],
            };
        }
        if (previewRuns && previewLive!.Failed)
        {
            return new ServiceRollout
            {
                Apply = [Colour(input, preview, desiredHash, size)],
                ActiveColor = active,
                SwitchedAt = switchedAt,
                AutoscalerTarget = AppNames.ColorName(service, active),
                Status = ServiceStatuses.Of(input, activeLive, activeLive.TemplateHash, RolloutStates.Failed),
                Serving = activeLive.Available,
                Degraded = new RolloutProblem(RolloutReasons.ProgressDeadlineExceeded,
                    $"revision {desiredHash} ({preview}) made no progress within {deadline}s; traffic stays on {active} (autoRollback is off)"),
            };
        }
        if (previewRuns && previewLive!.Complete && previewLive.SpecReplicas >= size)
        {
            return new ServiceRollout
            {
                Apply = [Colour(input, preview, desiredHash, size)],
                ActiveColor = preview,
                SwitchedAt = input.Now.ToString("O", CultureInfo.InvariantCulture),
                AutoscalerTarget = AppNames.ColorName(service, preview),
                Status = ServiceStatuses.Of(input, previewLive, desiredHash, RolloutStates.Complete),
                Serving = previewLive.Available,
                Events = [new RolloutEvent(false, RolloutReasons.Switched, $"{service}: traffic switched from {active} to {preview} (revision {desiredHash})")],
                RequeueAfter = ScaleDownDelay(input),
            };
        }
        return new ServiceRollout
        {
            Apply = [Colour(input, preview, desiredHash, size)],
            ActiveColor = active,
            SwitchedAt = switchedAt,
            AutoscalerTarget = AppNames.ColorName(service, active),
            Status = ServiceStatuses.Of(input, activeLive, activeLive.TemplateHash, RolloutStates.Progressing),
            Progressing = true,
            Serving = activeLive.Available,
        };
    }

    /// <summary>The active colour runs the desired version; the other one scales to zero once the delay after the last switch is over.</summary>
    private static ServiceRollout Steady(RolloutInput input, string active, string idle, ObservedDeployment? activeLive, ObservedDeployment? idleLive,
        string desiredHash, int size, string? switchedAt)
    {
        var apply = new List<JsonObject> { Colour(input, active, desiredHash, size) };
        var events = new List<RolloutEvent>();
        TimeSpan? requeue = null;
        var scaleDownAt = switchedAt is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(switchedAt, CultureInfo.InvariantCulture) + ScaleDownDelay(input);
        if (idleLive is { SpecReplicas: > 0 } && scaleDownAt is { } due && input.Now < due)
        {
            requeue = due - input.Now;
        }
        else
        {
            apply.Add(Colour(input, idle, desiredHash, 0));
            if (idleLive is { SpecReplicas: > 0 })
            {
                events.Add(new RolloutEvent(false, RolloutReasons.ScaledDown, $"{input.Service.Name}: {idle} scaled down after the switch to {active}"));
            }
        }
        var complete = activeLive is not null && activeLive.TemplateHash == desiredHash && activeLive.Complete;
        return new ServiceRollout
        {
            Apply = apply,
            ActiveColor = active,
            SwitchedAt = switchedAt,
            AutoscalerTarget = AppNames.ColorName(input.Service.Name, active),
            Status = ServiceStatuses.Of(input, activeLive, desiredHash, complete ? RolloutStates.Complete : RolloutStates.Progressing),
            Progressing = !complete,
            Serving = activeLive is not null && activeLive.Available && activeLive.ReadyReplicas > 0,
            Events = events,
            RequeueAfter = requeue,
        };
    }

    private static JsonObject Colour(RolloutInput input, string colour, string hash, int replicas)
    {
        var deployment = PodTemplates.With(input.BuiltDeployment(AppNames.ColorName(input.Service.Name, colour)), null, replicas);
        RolloutAnnotations.Set(deployment, RolloutAnnotations.TemplateHash, hash);
        return deployment;
    }

    private static TimeSpan ScaleDownDelay(RolloutInput input) =>
        TimeSpan.FromSeconds(input.Service.Rollout?.BlueGreen?.ScaleDownDelaySeconds ?? 30);
}
