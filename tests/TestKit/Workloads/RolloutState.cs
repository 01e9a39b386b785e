namespace Skyforge.TestKit.Workloads;

/// <summary>The simulator's memory of one workload's current revision (keyed by uid).</summary>
internal sealed class RolloutState
{
    public required string Template { get; init; }

    /// <summary>A short hash of the pod template, like the pod-template-hash / controller-revision suffix.</summary>
    public required string Revision { get; init; }

    /// <summary>The revision before this one; null for the first.</summary>
    public string? PreviousRevision { get; init; }

    /// <summary>Replicas that were ready when this revision arrived (old pods keep serving during a rollout).</summary>
    public int ReadyAtStart { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public bool StartReported { get; set; }

    public ITimer? Timer { get; set; }
}
