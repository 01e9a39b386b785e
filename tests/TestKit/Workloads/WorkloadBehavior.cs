namespace Skyforge.TestKit.Workloads;

/// <summary>
/// A scripted outcome: a <see cref="WorkloadMode"/> plus, for <see cref="WorkloadMode.Progressing"/>,
/// how many of the desired replicas of the new revision are ready.
/// </summary>
public sealed record WorkloadBehavior(WorkloadMode Mode, int ReadyReplicas = 0)
{
    public static WorkloadBehavior Ready { get; } = new(WorkloadMode.Ready);

    public static WorkloadBehavior Failed { get; } = new(WorkloadMode.Failed);

    public static WorkloadBehavior Hold { get; } = new(WorkloadMode.Hold);

    /// <summary>A rollout stuck part-way: <paramref name="readyReplicas"/> new replicas ready (capped at the desired count).</summary>
    public static WorkloadBehavior Progressing(int readyReplicas = 0) =>
        new(WorkloadMode.Progressing, readyReplicas >= 0 ? readyReplicas : throw new ArgumentOutOfRangeException(nameof(readyReplicas)));
}
