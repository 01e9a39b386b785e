using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>In-cluster Kafka (KRaft) and RabbitMQ servers.</summary>
internal static class InClusterBus
{
    public const string RabbitMqUser = "skyforge";
    private const string PasswordKey = "password";
    private const string ConfigVolume = "config";
    private const string KafkaConfigDirectory = "/etc/skyforge/kafka";

    /// <summary>The JVM gets half the container's memory; page cache, which Kafka relies on, gets the rest.</summary>
    private const decimal HeapShareOfMemory = 0.5m;

    /// <param name="Objects">ConfigMaps, Services and the StatefulSet, in apply order.</param>
    /// <param name="Host">The client Service's DNS name.</param>
    /// <param name="BootstrapServers">Kafka: every broker's stable address; RabbitMQ: null.</param>
    public sealed record Server(IReadOnlyList<JsonObject> Objects, string Host, string? BootstrapServers);

    /// <exception cref="ArgumentException">Authentication other than none: in-cluster Kafka serves plaintext inside the cluster network.</exception>
    public static Server Kafka(DataServiceIdentity identity, MessageBusSpec spec, BuildContext context)
    {
        var authentication = EffectiveBus.Authentication(spec, context);
        if (authentication != BusAuthentication.None)
        {
            throw new ArgumentException($"in-cluster kafka supports authentication none only, not {WireName.Of(authentication)}", nameof(spec));
        }
        var brokers = EffectiveBus.Brokers(spec);
        var statefulSet = InClusterNames.StatefulSet(identity.Name);
        var podDomain = $"{InClusterNames.HeadlessService(identity.Name)}.{identity.Owner.Namespace}.svc";
        var properties = KafkaServerConfiguration.Properties(brokers, statefulSet, podDomain);
        var configMap = InClusterNames.ConfigMap(identity.Name);
        var env = new List<JsonObject>
        {
            PodParts.Env("KAFKA_CLUSTER_ID", KafkaServerConfiguration.ClusterId(identity.Owner)),
            PodParts.Env("POD_DOMAIN", podDomain),
            PodParts.Env("LOG_DIR", "/tmp/kafka-logs"),
        };
        if (spec.Resources?.Memory is { } memory)
        {
            var heapMiB = (long)(Quantities.ToUnits(memory) * HeapShareOfMemory / (1024 * 1024));
            env.Add(PodParts.Env("KAFKA_HEAP_OPTS", $"-Xms{heapMiB.ToString(CultureInfo.InvariantCulture)}m -Xmx{heapMiB.ToString(CultureInfo.InvariantCulture)}m"));
        }
        var workload = new EngineWorkload
        {
            Identity = identity,
            Engine = "kafka",
            Component = MessageBusBuilder.Component,
            Image = InClusterImages.Kafka(EffectiveBus.Version(spec)),
            Replicas = brokers,
            StartInParallel = true,
            Command = Shell.Script(KafkaServerConfiguration.StartScript($"{KafkaConfigDirectory}/server.properties")),
            Env = env,
            Ports = [("kafka", EffectiveBus.KafkaPort), ("controller", EffectiveBus.KafkaControllerPort)],
            ReadinessProbe = PodParts.TcpProbe("kafka", initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 6),
            LivenessProbe = PodParts.TcpProbe("kafka", initialDelaySeconds: 60, periodSeconds: 20, failureThreshold: 6),
            DataPath = "/var/lib/kafka/data",
            StorageGiB = EffectiveBus.InClusterStorageGiB(spec),
            ExtraVolumes =
            [
                (PodParts.ConfigMapVolume(ConfigVolume, configMap), PodParts.Mount(ConfigVolume, KafkaConfigDirectory, readOnly: true)),
                (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
            ],
            Resources = spec.Resources,
            ConfigDigest = StableHash.Base32(properties, 16),
            DeleteVolumesWithResource = (spec.DeletionPolicy ?? DeletionPolicy.Delete) == DeletionPolicy.Delete,
        };
        var clientService = InClusterNames.ClientService(identity.Name);
        var labels = identity.Labels(workload.Engine, workload.Component);
        var objects = new List<JsonObject>
        {
            InClusterWorkloads.ConfigMap(identity, configMap, labels, [new("server.properties", properties)]),
            InClusterWorkloads.HeadlessService(workload),
            InClusterWorkloads.ClientService(workload, clientService, identity.Selector(workload.Engine, workload.Component), [("kafka", EffectiveBus.KafkaPort)]),
            InClusterWorkloads.StatefulSet(workload),
        };
        var bootstrap = string.Join(',', Enumerable.Range(0, brokers).Select(ordinal =>
            $"{statefulSet}-{ordinal.ToString(CultureInfo.InvariantCulture)}.{podDomain}:{EffectiveBus.KafkaPort.ToString(CultureInfo.InvariantCulture)}"));
        return new Server(objects, $"{clientService}.{identity.Owner.Namespace}.svc", bootstrap);
    }

    /// <summary>
    /// A single RabbitMQ broker with the management plugin. The image creates the user from
    /// RABBITMQ_DEFAULT_USER/RABBITMQ_DEFAULT_PASS on first start; its Erlang cookie lives with the data in
    /// the volume, where the diagnostics the probes run find it.
    /// </summary>
    /// <exception cref="ArgumentException">More than one broker: clustering in-cluster RabbitMQ is not supported.</exception>
    public static Server RabbitMq(DataServiceIdentity identity, MessageBusSpec spec, string credentials)
    {
        if (EffectiveBus.Brokers(spec) != 1)
        {
            throw new ArgumentException($"in-cluster rabbitmq runs a single broker, not {EffectiveBus.Brokers(spec).ToString(CultureInfo.InvariantCulture)}", nameof(spec));
        }
        string[] ping = ["rabbitmq-diagnostics", "-q", "ping"];
        string[] ports = ["rabbitmq-diagnostics", "-q", "check_port_connectivity"];
        var workload = new EngineWorkload
        {
            Identity = identity,
            Engine = "rabbitmq",
            Component = MessageBusBuilder.Component,
            Image = InClusterImages.RabbitMq(EffectiveBus.Version(spec)),
            Replicas = 1,
            Env =
            [
                PodParts.Env("RABBITMQ_DEFAULT_USER", RabbitMqUser),
                PodParts.EnvFromSecret("RABBITMQ_DEFAULT_PASS", credentials, PasswordKey),
            ],
            Ports = [("amqp", EffectiveBus.AmqpPort), ("management", EffectiveBus.ManagementPort)],
            ReadinessProbe = PodParts.ExecProbe(ports, initialDelaySeconds: 20, periodSeconds: 30, timeoutSeconds: 20, failureThreshold: 3),
            LivenessProbe = PodParts.ExecProbe(ping, initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 20, failureThreshold: 6),
            DataPath = "/var/lib/rabbitmq",
            StorageGiB = EffectiveBus.InClusterStorageGiB(spec),
            ExtraVolumes =
            [
                (PodParts.EmptyDirVolume("logs"), PodParts.Mount("logs", "/var/log/rabbitmq")),
                (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
            ],
            Resources = spec.Resources,
            DeleteVolumesWithResource = (spec.DeletionPolicy ?? DeletionPolicy.Delete) == DeletionPolicy.Delete,
        };
        var clientService = InClusterNames.ClientService(identity.Name);
        var objects = new List<JsonObject>
        {
            InClusterWorkloads.HeadlessService(workload),
            InClusterWorkloads.ClientService(workload, clientService, identity.Selector(workload.Engine, workload.Component), workload.Ports),
            InClusterWorkloads.StatefulSet(workload),
        };
        return new Server(objects, $"{clientService}.{identity.Owner.Namespace}.svc", BootstrapServers: null);
    }

    /// <summary>The credentials Secret of an in-cluster RabbitMQ.</summary>
    public static JsonObject RabbitMqCredentials(DataServiceIdentity identity, IReadOnlyDictionary<string, string> labels, string password) =>
        Manifest.Secret(identity.Owner, InClusterNames.CredentialsSecret(identity.Name), labels,
            [new("username", RabbitMqUser), new(PasswordKey, password)]);
}
