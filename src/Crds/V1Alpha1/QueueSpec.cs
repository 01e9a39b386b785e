using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A RabbitMQ queue the operator declares.</summary>
public sealed record QueueSpec
{
    /// <summary>Queue name.</summary>
    [RequiredField, Length(1, 255), Pattern("^[a-zA-Z0-9._:-]+$")]
    public required string Name { get; init; }

    /// <summary>Survive a broker restart.</summary>
    [Default("true")]
    public bool? Durable { get; init; }

    /// <summary>Route rejected and expired messages to &lt;name&gt;.dlq through a dead-letter exchange.</summary>
    [Default("false")]
    public bool? DeadLetter { get; init; }
}
