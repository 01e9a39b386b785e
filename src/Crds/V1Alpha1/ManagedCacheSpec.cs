using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A Redis-compatible cache: ElastiCache (replication group or serverless) or in-cluster Redis.</summary>
[CelRule("!has(self.serverless) || (has(self.mode) && self.mode == 'serverless')", "serverless settings need mode serverless", FieldPath = ".serverless")]
[CelRule("!has(self.shards) || self.shards == 1 || (has(self.mode) && self.mode == 'cluster')", "more than one shard needs mode cluster", FieldPath = ".shards")]
[CelRule("!has(self.mode) || !has(self.provider) || self.provider == 'aws' || (self.mode != 'cluster' && self.mode != 'serverless')", "mode cluster and mode serverless need provider aws; in-cluster Redis runs standalone or replicated", FieldPath = ".mode")]
[CelRule("!has(self.automaticFailover) || !self.automaticFailover || !has(self.replicasPerShard) || self.replicasPerShard > 0", "automaticFailover needs at least one replica per shard", FieldPath = ".automaticFailover")]
[CelRule("!has(self.mode) || self.mode != 'cluster' || !has(self.automaticFailover) || self.automaticFailover", "mode cluster needs automaticFailover", FieldPath = ".automaticFailover")]
[CelRule("!has(self.mode) || self.mode != 'standalone' || !has(self.replicasPerShard) || self.replicasPerShard == 0", "mode standalone has no replicas: set replicasPerShard to 0 or use mode replicated", FieldPath = ".replicasPerShard")]
[CelRule("!has(self.provider) || self.provider != 'aws' || !has(self.auth) || !has(self.auth.enabled) || !self.auth.enabled || !has(self.encryption) || !has(self.encryption.inTransit) || self.encryption.inTransit", "auth needs encryption.inTransit on AWS: ElastiCache accepts AUTH tokens only over TLS", FieldPath = ".auth")]
[CelRule("!has(self.resources) || (has(self.provider) && self.provider == 'inCluster')", "resources applies to provider inCluster only", FieldPath = ".resources")]
[CelRule("!has(self.network) || !has(self.provider) || self.provider == 'aws'", "network applies to provider aws only", FieldPath = ".network")]
public sealed record ManagedCacheSpec
{
    /// <summary>Cache engine. Cannot change after creation.</summary>
    [Default("\"redis\""), Immutable]
    public CacheEngine? Engine { get; init; }

    /// <summary>Engine version; 7.1 for redis and 7.2 for valkey when unset.</summary>
    [Pattern("^[0-9]+(\\.[0-9]+){0,2}$")]
    public string? Version { get; init; }

    /// <summary>Where the cache runs. Cannot change after creation.</summary>
    [Default("\"aws\""), Immutable]
    public Provider? Provider { get; init; }

    /// <summary>Topology. Cannot change after creation.</summary>
    [Default("\"replicated\""), Immutable]
    public CacheMode? Mode { get; init; }

    /// <summary>ElastiCache node type.</summary>
    [Default("\"cache.t4g.micro\""), Pattern("^cache\\.[a-z0-9]+\\.[a-z0-9]+$")]
    public string? NodeType { get; init; }

    /// <summary>Node groups (cluster mode).</summary>
    [Default("1"), Minimum(1), Maximum(500)]
    public int? Shards { get; init; }

    /// <summary>Read replicas per shard; 1 by default, 0 in mode standalone.</summary>
    [Minimum(0), Maximum(5)]
    public int? ReplicasPerShard { get; init; }

    /// <summary>Promote a replica when the primary fails; defaults to true when there are replicas.</summary>
    public bool? AutomaticFailover { get; init; }

    /// <summary>What Redis evicts when memory is full, through a parameter group owned by this resource.</summary>
    [Default("\"allkeys-lru\"")]
    public EvictionPolicy? EvictionPolicy { get; init; }

    /// <summary>Automatic snapshots.</summary>
    [Default("{}")]
    public CacheSnapshot? Snapshot { get; init; }

    /// <summary>Encryption at rest and in transit.</summary>
    [Default("{}")]
    public CacheEncryption? Encryption { get; init; }

    /// <summary>Redis AUTH.</summary>
    [Default("{}")]
    public CacheAuth? Auth { get; init; }

    /// <summary>Limits of a serverless cache (mode serverless).</summary>
    public CacheServerless? Serverless { get; init; }

    /// <summary>AWS networking (provider aws).</summary>
    public NetworkSpec? Network { get; init; }

    /// <summary>Extra AWS tags; keys under skyforge.dev/ are reserved for ownership tags.</summary>
    [MaxProperties(40)]
    [CelRule("self.all(k, !k.startsWith('skyforge.dev/') && !k.startsWith('aws:'))", "tag keys starting with skyforge.dev/ or aws: are reserved")]
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>AWS region; the operator's default region when unset. Cannot change after creation.</summary>
    [Immutable, Pattern(Patterns.AwsRegion)]
    public string? Region { get; init; }

    /// <summary>What happens in AWS when this object is deleted.</summary>
    [Default("\"Delete\"")]
    public DeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>Name of the Secret the connection details are written to; default &lt;name&gt;-connection.</summary>
    [Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? ConnectionSecretName { get; init; }

    /// <summary>CPU, memory and volume size of the in-cluster engine.</summary>
    public InClusterResources? Resources { get; init; }
}
