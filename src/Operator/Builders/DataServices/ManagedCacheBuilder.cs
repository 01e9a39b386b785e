using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Desired state of a ManagedCache. On AWS: an ElastiCache replication group (standalone, replicated or
/// cluster mode) with its subnet and parameter groups, or a serverless cache, and the AUTH token in
/// Secrets Manager. In-cluster: a Redis or Valkey StatefulSet (a primary and its replicas). Both: the
/// connection Secret.
/// </summary>
public static class ManagedCacheBuilder
{
    internal const string Component = "cache";
    private const string ConfigVolume = "config";
    private const string ConfigDirectory = "/etc/redis";
    private const string ConfigFile = "redis.conf";
    private const string RuntimeVolume = "runtime";
    private const string RuntimeDirectory = "/run/redis";
    private const string PasswordKey = "password";

    /// <summary>The cache as it is before AWS has reported its endpoints (render).</summary>
    public static DesiredState Build(ManagedCache resource, BuildContext context, ISecretSource secrets) =>
        Build(resource, context, secrets, ConnectionEndpoints.None);

    /// <param name="resource">The ManagedCache, schema defaults applied.</param>
    /// <param name="context">Operator-wide settings.</param>
    /// <param name="secrets">Source of the AUTH token.</param>
    /// <param name="observed">Endpoints AWS assigned, for the connection Secret; ignored in-cluster.</param>
    /// <exception cref="ArgumentException">Mode cluster or serverless with provider inCluster (the CRD rejects it).</exception>
    public static DesiredState Build(ManagedCache resource, BuildContext context, ISecretSource secrets, ConnectionEndpoints observed)
    {
        var identity = DataServiceIdentity.Of(resource);
        var spec = resource.Spec;
        var provider = EffectiveCache.Provider(spec, context);
        var mode = EffectiveCache.Mode(spec);
        var authToken = EffectiveCache.AuthEnabled(spec)
            ? secrets.Get(identity.Owner, SecretPurposes.AuthToken, SecretPurposes.GeneratedLength, asciiSymbols: false)
            : null;
        var engine = EffectiveCache.EngineName(spec);
        var labels = identity.Labels(engine, Component);

        if (provider == Provider.Aws)
        {
            var endpoint = mode switch
            {
                CacheMode.Cluster => new CacheEndpoint(observed.ConfigurationHost ?? ConnectionEndpoints.Pending, ReaderHost: null, Configuration: true),
                CacheMode.Replicated when EffectiveCache.ReplicasPerShard(spec) > 0 =>
                    new CacheEndpoint(observed.Host ?? ConnectionEndpoints.Pending, observed.ReaderHost ?? ConnectionEndpoints.Pending, Configuration: false),
                _ => new CacheEndpoint(observed.Host ?? ConnectionEndpoints.Pending, ReaderHost: null, Configuration: false),
            };
            var secret = ConnectionSecret(identity, spec, context, labels, endpoint, observed.Port ?? EffectiveCache.Port, authToken);
            return new DesiredState([secret], ElastiCacheCalls.For(identity, spec, context, authToken));
        }

        if (mode is CacheMode.Cluster or CacheMode.Serverless)
        {
            throw new ArgumentException($"mode {WireName.Of(mode)} needs provider aws; in-cluster caches run standalone or replicated", nameof(resource));
        }
        var objects = new List<JsonObject>();
        var credentials = InClusterNames.CredentialsSecret(identity.Name);
        if (authToken is not null)
        {
            objects.Add(Manifest.Secret(identity.Owner, credentials, labels, [new(PasswordKey, authToken)]));
        }
        var replicas = EffectiveCache.ReplicasPerShard(spec);
        var clientService = InClusterNames.ClientService(identity.Name);
        var readerService = replicas > 0 ? InClusterNames.ReaderService(identity.Name) : null;
        var inClusterEndpoint = new CacheEndpoint(
            $"{clientService}.{identity.Owner.Namespace}.svc",
            readerService is null ? null : $"{readerService}.{identity.Owner.Namespace}.svc",
            Configuration: false);
        objects.Add(ConnectionSecret(identity, spec, context, labels, inClusterEndpoint, EffectiveCache.Port, authToken));
        objects.AddRange(InClusterObjects(identity, spec, engine, labels, authToken is null ? null : credentials, clientService, readerService));
        return new DesiredState(objects, []);
    }

    private static IEnumerable<JsonObject> InClusterObjects(DataServiceIdentity identity, ManagedCacheSpec spec, string engine, IReadOnlyDictionary<string, string> labels, string? credentials, string clientService, string? readerService)
    {
        var runtimeConfig = $"{RuntimeDirectory}/runtime.conf";
        var serverConfig = RedisConfiguration.ServerConfig(spec, runtimeConfig);
        var configMap = InClusterNames.ConfigMap(identity.Name);
        var statefulSet = InClusterNames.StatefulSet(identity.Name);
        var primaryHost = $"{statefulSet}-0.{InClusterNames.HeadlessService(identity.Name)}.{identity.Owner.Namespace}.svc";

        var env = new List<JsonObject> { PodParts.Env("PRIMARY_HOST", primaryHost) };
        if (credentials is not null)
        {
            env.Add(PodParts.EnvFromSecret("REDIS_PASSWORD", credentials, PasswordKey));
            // redis-cli reads its password from REDISCLI_AUTH, which keeps it off the probe's command line.
            env.Add(PodParts.EnvFromSecret("REDISCLI_AUTH", credentials, PasswordKey));
        }
        string[] ping = ["/bin/sh", "-c", $"redis-cli -h 127.0.0.1 -p {EffectiveCache.Port.ToString(CultureInfo.InvariantCulture)} ping | grep -q PONG"];
        var workload = new EngineWorkload
        {
            Identity = identity,
            Engine = engine,
            Component = Component,
            Image = InClusterImages.Redis(EffectiveCache.Engine(spec), EffectiveCache.Version(spec)),
            Replicas = EffectiveCache.InClusterNodes(spec),
            Command = Shell.Script(RedisConfiguration.StartScript($"{ConfigDirectory}/{ConfigFile}", runtimeConfig)),
            Env = env,
            Ports = [("redis", EffectiveCache.Port)],
            ReadinessProbe = PodParts.ExecProbe(ping, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3),
            LivenessProbe = PodParts.ExecProbe(ping, initialDelaySeconds: 20, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6),
            DataPath = "/data",
            StorageGiB = EffectiveCache.InClusterStorageGiB(spec),
            ExtraVolumes =
            [
                (PodParts.ConfigMapVolume(ConfigVolume, configMap), PodParts.Mount(ConfigVolume, ConfigDirectory, readOnly: true)),
                (PodParts.EmptyDirVolume(RuntimeVolume), PodParts.Mount(RuntimeVolume, RuntimeDirectory)),
                (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
            ],
            Resources = spec.Resources,
            ConfigDigest = StableHash.Base32(serverConfig, 16),
            DeleteVolumesWithResource = (spec.DeletionPolicy ?? DeletionPolicy.Delete) == DeletionPolicy.Delete,
            TerminationGracePeriodSeconds = 30,
        };

        yield return InClusterWorkloads.ConfigMap(identity, configMap, labels, [new(ConfigFile, serverConfig)]);
        yield return InClusterWorkloads.HeadlessService(workload);
        // Writes go to the primary (pod 0); reads may go to any pod.
        var primarySelector = new SortedDictionary<string, string>(identity.Selector(engine, Component), StringComparer.Ordinal)
        {
            ["statefulset.kubernetes.io/pod-name"] = $"{statefulSet}-0",
        };
        yield return InClusterWorkloads.ClientService(workload, clientService, primarySelector, workload.Ports);
        if (readerService is not null)
        {
            yield return InClusterWorkloads.ClientService(workload, readerService, identity.Selector(engine, Component), workload.Ports);
        }
        yield return InClusterWorkloads.StatefulSet(workload);
    }

    private static JsonObject ConnectionSecret(DataServiceIdentity identity, ManagedCacheSpec spec, BuildContext context, IReadOnlyDictionary<string, string> labels, CacheEndpoint endpoint, int port, string? authToken)
    {
        var tls = EffectiveCache.Tls(spec, context);
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var credentials = authToken is null ? "" : $":{Uri.EscapeDataString(authToken)}@";
        var uri = endpoint.Host == ConnectionEndpoints.Pending
            ? ConnectionEndpoints.Pending
            : $"{(tls ? "rediss" : "redis")}://{credentials}{endpoint.Host}:{portText}";
        var data = new List<KeyValuePair<string, string>>
        {
            new(ConnectionSecretKeys.Type, "redis"),
            new(ConnectionSecretKeys.Provider, WireName.Of(EffectiveCache.Provider(spec, context))),
            new(ConnectionSecretKeys.Engine, EffectiveCache.EngineName(spec)),
            new(ConnectionSecretKeys.Host, endpoint.Host),
            new(ConnectionSecretKeys.Port, portText),
            new(ConnectionSecretKeys.Tls, tls ? "true" : "false"),
            new(ConnectionSecretKeys.Uri, uri),
        };
        if (authToken is not null)
        {
            data.Add(new(ConnectionSecretKeys.Password, authToken));
        }
        if (endpoint.ReaderHost is not null)
        {
            data.Add(new(ConnectionSecretKeys.ReaderHost, endpoint.ReaderHost));
        }
        if (endpoint.Configuration)
        {
            data.Add(new(ConnectionSecretKeys.ConfigurationEndpoint,
                endpoint.Host == ConnectionEndpoints.Pending ? ConnectionEndpoints.Pending : $"{endpoint.Host}:{portText}"));
        }
        return Manifest.Secret(identity.Owner, InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name), labels, data);
    }

    /// <summary>Where clients connect: the primary or configuration endpoint, and the reader endpoint when there are replicas.</summary>
    private sealed record CacheEndpoint(string Host, string? ReaderHost, bool Configuration);
}
