using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

/// <summary>Placement of one shard when creating a replication group.</summary>
public sealed record NodeGroupConfiguration
{
    public string? NodeGroupId { get; init; }

    public string? Slots { get; init; }

    public int? ReplicaCount { get; init; }

    public string? PrimaryAvailabilityZone { get; init; }

    [AwsQueryList("AvailabilityZone")]
    public IReadOnlyList<string>? ReplicaAvailabilityZones { get; init; }
}

/// <summary>Target replica count of one shard for Increase/DecreaseReplicaCount.</summary>
public sealed record ConfigureShard
{
    public required string NodeGroupId { get; init; }

    public required int NewReplicaCount { get; init; }

    [AwsQueryList("PreferredAvailabilityZone")]
    public IReadOnlyList<string>? PreferredAvailabilityZones { get; init; }
}

public sealed record LogDeliveryConfigurationRequest
{
    public string? LogType { get; init; }

    public string? DestinationType { get; init; }

    public DestinationDetails? DestinationDetails { get; init; }

    public string? LogFormat { get; init; }

    public bool? Enabled { get; init; }
}

public sealed record DestinationDetails
{
    public CloudWatchLogsDestinationDetails? CloudWatchLogsDetails { get; init; }

    public KinesisFirehoseDestinationDetails? KinesisFirehoseDetails { get; init; }
}

public sealed record CloudWatchLogsDestinationDetails
{
    public string? LogGroup { get; init; }
}

public sealed record KinesisFirehoseDestinationDetails
{
    public string? DeliveryStream { get; init; }
}
