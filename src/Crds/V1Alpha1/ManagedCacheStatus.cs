using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of a ManagedCache.</summary>
public sealed record ManagedCacheStatus
{
    /// <summary>Current state in one word.</summary>
    public string? Phase { get; init; }

    /// <summary>The spec generation this status was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>Ready and Synced, plus DeletionBlocked when deletion is refused.</summary>
    [ListMap("type")]
    public List<Condition>? Conditions { get; init; }

    /// <summary>Primary (or configuration) endpoint.</summary>
    public Endpoint? Endpoint { get; init; }

    /// <summary>Reader endpoint.</summary>
    public Endpoint? ReaderEndpoint { get; init; }

    /// <summary>ARN of the replication group or serverless cache.</summary>
    public string? Arn { get; init; }

    /// <summary>Identifier in AWS, or the StatefulSet in the cluster.</summary>
    public string? ExternalName { get; init; }

    /// <summary>Engine version actually running.</summary>
    public string? EngineVersion { get; init; }

    /// <summary>ARN of the Secrets Manager secret holding the AUTH token.</summary>
    public string? AuthTokenSecretArn { get; init; }

    /// <summary>Name of the Secret holding the connection details.</summary>
    public string? ConnectionSecretName { get; init; }
}
