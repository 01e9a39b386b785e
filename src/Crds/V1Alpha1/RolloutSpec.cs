using System.Text.Json.Nodes;
using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>How new versions are rolled out.</summary>
[CelRule("!has(self.canary) || self.strategy == 'Canary'", "canary needs strategy Canary", FieldPath = ".canary")]
[CelRule("self.strategy != 'Canary' || has(self.canary)", "strategy Canary needs canary.steps", FieldPath = ".canary")]
[CelRule("!has(self.blueGreen) || self.strategy == 'BlueGreen'", "blueGreen needs strategy BlueGreen", FieldPath = ".blueGreen")]
public sealed record RolloutSpec
{
    /// <summary>Rollout strategy.</summary>
    [Default("\"RollingUpdate\"")]
    public RolloutStrategy? Strategy { get; init; }

    /// <summary>Extra pods allowed during a rolling update: a number or a percentage such as 100%.</summary>
    [IntOrString]
    public JsonNode? MaxSurge { get; init; }

    /// <summary>Pods that may be unavailable during a rolling update: a number or a percentage such as 0%.</summary>
    [IntOrString]
    public JsonNode? MaxUnavailable { get; init; }

    /// <summary>Seconds a rollout may make no progress before it counts as failed.</summary>
    [Default("600"), Minimum(30), Maximum(86400)]
    public int? ProgressDeadlineSeconds { get; init; }

    /// <summary>Revert to the last healthy version when a rollout fails.</summary>
    [Default("true")]
    public bool? AutoRollback { get; init; }

    /// <summary>Canary steps (strategy Canary).</summary>
    public CanarySpec? Canary { get; init; }

    /// <summary>Blue/green settings (strategy BlueGreen).</summary>
    public BlueGreenSpec? BlueGreen { get; init; }
}
