using System.Globalization;
using System.Text;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The configuration an in-cluster Redis (or Valkey) runs with. The static part lives in a ConfigMap; the
/// start script adds what differs per pod or is secret (requirepass, masterauth, replicaof) to a file in an
/// emptyDir that the static part includes, so the password never appears in a manifest or a command line.
/// </summary>
public static class RedisConfiguration
{
    /// <summary>Share of the container's memory given to data: the rest covers replication buffers, fork copy-on-write and the process itself.</summary>
    private const decimal DataShareOfMemory = 0.75m;

    /// <summary>redis.conf for the spec: every interface, data in /data with the append-only file, the eviction policy, and maxmemory from resources.memory.</summary>
    /// <param name="spec">The cache.</param>
    /// <param name="runtimeConfigPath">The file the start script writes and this configuration includes last.</param>
    public static string ServerConfig(ManagedCacheSpec spec, string runtimeConfigPath)
    {
        var config = new StringBuilder()
            .Append("bind 0.0.0.0\n")
            .Append("port ").Append(EffectiveCache.Port.ToString(CultureInfo.InvariantCulture)).Append('\n')
            // Clients are limited by requirepass (auth.enabled) and the cluster network, not by loopback.
            .Append("protected-mode no\n")
            .Append("dir /data\n")
            .Append("appendonly yes\n")
            .Append("maxmemory-policy ").Append(EffectiveCache.EvictionPolicy(spec)).Append('\n');
        if (spec.Resources?.Memory is { } memory)
        {
            var bytes = (long)(Quantities.ToUnits(memory) * DataShareOfMemory);
            config.Append("maxmemory ").Append(bytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return config.Append("include ").Append(runtimeConfigPath).Append('\n').ToString();
    }

    /// <summary>
    /// The container's start script. From the environment: REDIS_PASSWORD (optional) becomes requirepass
    /// and masterauth; every pod but ordinal 0 replicates PRIMARY_HOST.
    /// </summary>
    /// <param name="serverConfigPath">Where <see cref="ServerConfig"/> is mounted.</param>
    /// <param name="runtimeConfigPath">Where to write the per-pod part.</param>
    public static IReadOnlyList<string> StartScript(string serverConfigPath, string runtimeConfigPath) =>
    [
        "set -eu",
        "umask 077",
        $"runtime={Shell.Quote(runtimeConfigPath)}",
        ": > \"$runtime\"",
        "if [ -n \"${REDIS_PASSWORD:-}\" ]; then",
        "  printf 'requirepass %s\\nmasterauth %s\\n' \"$REDIS_PASSWORD\" \"$REDIS_PASSWORD\" >> \"$runtime\"",
        "fi",
        "if [ \"${HOSTNAME##*-}\" != 0 ]; then",
        $"  printf 'replicaof %s {EffectiveCache.Port.ToString(CultureInfo.InvariantCulture)}\\n' \"$PRIMARY_HOST\" >> \"$runtime\"",
        "fi",
        $"exec redis-server {Shell.Quote(serverConfigPath)}",
    ];
}
