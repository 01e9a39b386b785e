namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of one workload.</summary>
public sealed record ServiceStatus
{
    /// <summary>Service name.</summary>
    public required string Name { get; init; }

    /// <summary>Pods ready to serve.</summary>
    public int? ReadyReplicas { get; init; }

    /// <summary>Pods wanted.</summary>
    public int? DesiredReplicas { get; init; }

    /// <summary>Hash of the pod template currently rolled out.</summary>
    public string? Revision { get; init; }

    /// <summary>Rollout state: Complete, Progressing, Paused, RolledBack, Failed, Waiting.</summary>
    public string? Rollout { get; init; }

    /// <summary>Current canary weight in percent, while a canary runs.</summary>
    public int? CanaryWeight { get; init; }
}
