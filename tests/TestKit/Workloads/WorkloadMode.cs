namespace Skyforge.TestKit.Workloads;

/// <summary>What the simulated controller reports for a workload.</summary>
public enum WorkloadMode
{
    /// <summary>Fully rolled out and ready; a Job completes.</summary>
    Ready,

    /// <summary>A rollout that is under way and stays so: only some new replicas ready; a Job keeps running.</summary>
    Progressing,

    /// <summary>The rollout fails: a Deployment exceeds its progress deadline, a StatefulSet never gets ready pods, a Job hits its backoff limit.</summary>
    Failed,

    /// <summary>The simulator leaves the status alone (the test writes it, or nothing does).</summary>
    Hold,
}
