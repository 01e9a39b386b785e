namespace Skyforge.TestKit.Workloads;

/// <summary>Where a simulated rollout stands when its status is written.</summary>
internal enum SimulatedPhase
{
    /// <summary>A new revision was just picked up: nothing of it is ready yet (old pods still serve).</summary>
    RolloutStarted,

    /// <summary>Scripted partial readiness that stays.</summary>
    Progressing,

    Ready,

    Failed,
}
