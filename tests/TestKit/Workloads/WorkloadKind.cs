namespace Skyforge.TestKit.Workloads;

/// <summary>The workload kinds whose controllers the simulator plays.</summary>
public enum WorkloadKind
{
    Deployment,
    StatefulSet,
    Job,
}
