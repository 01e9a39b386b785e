using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record IncreaseReplicaCountRequest
{
    public required string ReplicationGroupId { get; init; }

    public int? NewReplicaCount { get; init; }

    [AwsQueryList("ConfigureShard")]
    public IReadOnlyList<ConfigureShard>? ReplicaConfiguration { get; init; }

    public required bool ApplyImmediately { get; init; }
}

public sealed record IncreaseReplicaCountResponse
{
    public ReplicationGroup? ReplicationGroup { get; init; }
}
