using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A Kafka topic the operator creates.</summary>
public sealed record TopicSpec
{
    /// <summary>Topic name.</summary>
    [RequiredField, Length(1, 249), Pattern("^[a-zA-Z0-9._-]+$")]
    public required string Name { get; init; }

    /// <summary>Partition count.</summary>
    [Default("3"), Minimum(1), Maximum(10000)]
    public int? Partitions { get; init; }

    /// <summary>Replication factor; min(3, brokers) when unset.</summary>
    [Minimum(1), Maximum(15)]
    public int? ReplicationFactor { get; init; }

    /// <summary>Topic configuration, e.g. retention.ms.</summary>
    [MaxProperties(50)]
    public Dictionary<string, string>? Config { get; init; }
}
