using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of a ManagedDatabase.</summary>
public sealed record ManagedDatabaseStatus
{
    /// <summary>Current state in one word: Pending, Creating, Available, Updating, Deleting, Failed.</summary>
    public string? Phase { get; init; }

    /// <summary>The spec generation this status was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>Ready and Synced, plus DeletionBlocked when deletion is refused.</summary>
    [ListMap("type")]
    public List<Condition>? Conditions { get; init; }

    /// <summary>Writer endpoint.</summary>
    public Endpoint? Endpoint { get; init; }

    /// <summary>Reader endpoint (when replicas &gt; 0).</summary>
    public Endpoint? ReaderEndpoint { get; init; }

    /// <summary>ARN of the DB instance or cluster.</summary>
    public string? Arn { get; init; }

    /// <summary>Identifier of the instance or cluster in AWS, or the StatefulSet in the cluster.</summary>
    public string? ExternalName { get; init; }

    /// <summary>Engine version actually running.</summary>
    public string? EngineVersion { get; init; }

    /// <summary>ARN of the Secrets Manager secret holding the master password.</summary>
    public string? MasterUserSecretArn { get; init; }

    /// <summary>Name of the Secret holding the connection details.</summary>
    public string? ConnectionSecretName { get; init; }
}
