namespace Skyforge.TestKit.Workloads;

/// <summary>How an attached <see cref="WorkloadSimulator"/> behaves when no scripted rule says otherwise.</summary>
public sealed record WorkloadSimulatorOptions
{
    /// <summary>The behaviour of workloads no <see cref="WorkloadSimulator.Script"/> rule matches.</summary>
    public WorkloadBehavior DefaultBehavior { get; init; } = WorkloadBehavior.Ready;

    /// <summary>
    /// How long a new revision (a new or changed pod template) reports Progressing before it reaches its
    /// scripted outcome. Zero still reports Progressing first, then the outcome right after.
    /// </summary>
    public TimeSpan RolloutDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Clock for rollout delays and status timestamps; null uses the server's.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
