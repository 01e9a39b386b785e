using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of a ManagedSecret; holds no secret value.</summary>
public sealed record ManagedSecretStatus
{
    /// <summary>Current state in one word.</summary>
    public string? Phase { get; init; }

    /// <summary>The spec generation this status was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>Ready and Synced.</summary>
    [ListMap("type")]
    public List<Condition>? Conditions { get; init; }

    /// <summary>ARN of the Secrets Manager secret.</summary>
    public string? Arn { get; init; }

    /// <summary>Secrets Manager version ID last projected.</summary>
    public string? VersionId { get; init; }

    /// <summary>When the Kubernetes Secret was last refreshed (RFC 3339).</summary>
    public string? LastRefreshTime { get; init; }

    /// <summary>When generated values were last rotated (RFC 3339).</summary>
    public string? LastRotationTime { get; init; }

    /// <summary>Name of the Kubernetes Secret written.</summary>
    public string? TargetSecretName { get; init; }
}
