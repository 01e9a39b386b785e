using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>One aspect of the resource's current state, in the standard metav1.Condition shape.</summary>
public sealed record Condition
{
    /// <summary>Type of condition in CamelCase, e.g. Ready, Synced, DataServicesReady.</summary>
    [RequiredField, Length(1, 316)]
    public required string Type { get; init; }

    /// <summary>Status of the condition: True, False or Unknown.</summary>
    [RequiredField]
    public required ConditionStatus Status { get; init; }

    /// <summary>The generation of the resource the condition was computed from.</summary>
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    /// <summary>When the condition last changed from one status to another (RFC 3339).</summary>
    [RequiredField]
    public required string LastTransitionTime { get; init; }

    /// <summary>Stable CamelCase reason for the last transition, e.g. Creating, Available, InvalidSpec.</summary>
    [RequiredField, Length(1, 1024), Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    public required string Reason { get; init; }

    /// <summary>Human-readable details; never contains a secret value.</summary>
    [RequiredField, Length(0, 32768)]
    public required string Message { get; init; }
}
