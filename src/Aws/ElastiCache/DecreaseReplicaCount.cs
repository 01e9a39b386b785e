using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record DecreaseReplicaCountRequest
{
    public required string ReplicationGroupId { get; init; }

    public int? NewReplicaCount { get; init; }

    [AwsQueryList("ConfigureShard")]
    public IReadOnlyList<ConfigureShard>? ReplicaConfiguration { get; init; }

    public IReadOnlyList<string>? ReplicasToRemove { get; init; }

    public required bool ApplyImmediately { get; init; }
}

public sealed record DecreaseReplicaCountResponse
{
    public ReplicationGroup? ReplicationGroup { get; init; }
}
