using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The rollout planner's decision for one service.</summary>
public sealed record ServiceRollout
{
    /// <summary>Deployments to apply, in their final shape; a built Deployment missing here is left as it is.</summary>
    public required IReadOnlyList<JsonObject> Apply { get; init; }

    /// <summary>Blue/green: the colour the Service selects.</summary>
    public string? ActiveColor { get; init; }

    /// <summary>Blue/green: when the Service last switched colour.</summary>
    public string? SwitchedAt { get; init; }

    /// <summary>Canary: percentage of traffic the ALB sends to the canary Service.</summary>
    public int CanaryWeight { get; init; }

    /// <summary>The Deployment the HorizontalPodAutoscaler scales.</summary>
    public string? AutoscalerTarget { get; init; }

    public required ServiceStatus Status { get; init; }

    /// <summary>A new revision is on its way (or waits for a pause).</summary>
    public bool Progressing { get; init; }

    /// <summary>The service has its minimum of available pods.</summary>
    public bool Serving { get; init; }

    /// <summary>Why the service is degraded (a failed or rolled-back revision), or null.</summary>
    public RolloutProblem? Degraded { get; init; }

    public IReadOnlyList<RolloutEvent> Events { get; init; } = [];

    /// <summary>When the planner needs another look even if nothing changes (a pause or a scale-down delay ending).</summary>
    public TimeSpan? RequeueAfter { get; init; }
}
