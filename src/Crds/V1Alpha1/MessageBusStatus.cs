using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Observed state of a MessageBus.</summary>
public sealed record MessageBusStatus
{
    /// <summary>Current state in one word.</summary>
    public string? Phase { get; init; }

    /// <summary>The spec generation this status was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>Ready and Synced, plus DeletionBlocked when deletion is refused.</summary>
    [ListMap("type")]
    public List<Condition>? Conditions { get; init; }

    /// <summary>Comma-separated bootstrap brokers (kafka) or the AMQP endpoint host:port (rabbitmq).</summary>
    public string? Endpoint { get; init; }

    /// <summary>ARN of the MSK cluster.</summary>
    public string? Arn { get; init; }

    /// <summary>Identifier in AWS, or the StatefulSet in the cluster.</summary>
    public string? ExternalName { get; init; }

    /// <summary>Engine version actually running.</summary>
    public string? EngineVersion { get; init; }

    /// <summary>Name of the Secret holding the connection details.</summary>
    public string? ConnectionSecretName { get; init; }
}
