using System.Globalization;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The values a ManagedCache spec means where the CRD schema cannot default them.</summary>
public static class EffectiveCache
{
    public const int Port = 6379;

    /// <summary>In-cluster volume (append-only file and snapshots) when resources.storageGiB is unset.</summary>
    private const int InClusterDefaultStorageGiB = 2;

    /// <summary>spec.provider, or the operator's default provider when unset.</summary>
    public static Provider Provider(ManagedCacheSpec spec, BuildContext context) => spec.Provider ?? context.DefaultProvider;

    public static CacheEngine Engine(ManagedCacheSpec spec) => spec.Engine ?? CacheEngine.Redis;

    /// <summary>redis or valkey, as ElastiCache and manifests spell it.</summary>
    public static string EngineName(ManagedCacheSpec spec) => WireName.Of(Engine(spec));

    /// <summary>spec.version, or 7.1 for Redis and 7.2 for Valkey (Valkey's first release).</summary>
    public static string Version(ManagedCacheSpec spec) => spec.Version ?? (Engine(spec) == CacheEngine.Valkey ? "7.2" : "7.1");

    public static CacheMode Mode(ManagedCacheSpec spec) => spec.Mode ?? CacheMode.Replicated;

    public static string NodeType(ManagedCacheSpec spec) => spec.NodeType ?? "cache.t4g.micro";

    /// <summary>Node groups: spec.shards in cluster mode, one otherwise.</summary>
    public static int Shards(ManagedCacheSpec spec) => Mode(spec) == CacheMode.Cluster ? spec.Shards ?? 1 : 1;

    /// <summary>spec.replicasPerShard, or 0 in standalone mode and 1 otherwise.</summary>
    public static int ReplicasPerShard(ManagedCacheSpec spec) =>
        spec.ReplicasPerShard ?? (Mode(spec) == CacheMode.Standalone ? 0 : 1);

    /// <summary>
    /// Cluster mode always fails over (ElastiCache requires it); standalone never can; replicated follows
    /// spec.automaticFailover, defaulting to true when there is a replica to promote.
    /// </summary>
    public static bool AutomaticFailover(ManagedCacheSpec spec) => Mode(spec) switch
    {
        CacheMode.Cluster => true,
        CacheMode.Standalone => false,
        _ => spec.AutomaticFailover ?? ReplicasPerShard(spec) > 0,
    };

    /// <summary>Replicas in other availability zones: whenever a replica can be promoted automatically.</summary>
    public static bool MultiAz(ManagedCacheSpec spec) => AutomaticFailover(spec) && ReplicasPerShard(spec) > 0;

    /// <summary>The maxmemory-policy value, default allkeys-lru.</summary>
    public static string EvictionPolicy(ManagedCacheSpec spec) => WireName.Of(spec.EvictionPolicy ?? Crds.V1Alpha1.EvictionPolicy.AllKeysLru);

    /// <summary>auth.enabled, default true.</summary>
    public static bool AuthEnabled(ManagedCacheSpec spec) => spec.Auth?.Enabled ?? true;

    public static bool EncryptionAtRest(ManagedCacheSpec spec) => spec.Encryption?.AtRest ?? true;

    public static bool EncryptionInTransit(ManagedCacheSpec spec) => spec.Encryption?.InTransit ?? true;

    /// <summary>Whether clients connect with TLS: ElastiCache with encryption.inTransit (serverless always); in-cluster caches serve plain TCP inside the cluster network.</summary>
    public static bool Tls(ManagedCacheSpec spec, BuildContext context) =>
        Provider(spec, context) == Crds.V1Alpha1.Provider.Aws && (Mode(spec) == CacheMode.Serverless || EncryptionInTransit(spec));

    public static int SnapshotRetentionDays(ManagedCacheSpec spec) => spec.Snapshot?.RetentionDays ?? 0;

    /// <summary>
    /// The cache parameter group family: redis7 for Redis 7.x, redis6.x for 6.x, redisM.m before that;
    /// valkey7 or valkey8 for Valkey.
    /// </summary>
    public static string ParameterGroupFamily(ManagedCacheSpec spec)
    {
        var parts = Version(spec).Split('.');
        var major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (Engine(spec) == CacheEngine.Valkey)
        {
            return "valkey" + parts[0];
        }
        return major switch
        {
            >= 7 => "redis" + parts[0],
            6 => "redis6.x",
            _ => $"redis{parts[0]}.{(parts.Length > 1 ? parts[1] : "0")}",
        };
    }

    /// <summary>The major version a serverless cache takes (7.1 -> 7).</summary>
    public static string ServerlessMajorVersion(ManagedCacheSpec spec) => Version(spec).Split('.')[0];

    /// <summary>In-cluster pods: one primary plus replicasPerShard replicas.</summary>
    public static int InClusterNodes(ManagedCacheSpec spec) => 1 + ReplicasPerShard(spec);

    /// <summary>In-cluster volume: resources.storageGiB, else 2 GiB.</summary>
    public static int InClusterStorageGiB(ManagedCacheSpec spec) => spec.Resources?.StorageGiB ?? InClusterDefaultStorageGiB;

    public static string Region(ManagedCacheSpec spec, BuildContext context) => spec.Region ?? context.DefaultRegion;
}
