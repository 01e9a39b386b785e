using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The values a MessageBus spec means where the CRD schema cannot default them (they depend on the engine).</summary>
public static class EffectiveBus
{
    /// <summary>MSK's broker port for each client authentication mode.</summary>
    private const int MskIamPort = 9098;

    private const int MskScramPort = 9096;
    private const int MskTlsPort = 9094;

    public const int KafkaPort = 9092;
    public const int KafkaControllerPort = 9093;
    public const int AmqpPort = 5672;
    public const int ManagementPort = 15672;

    /// <summary>MSK Serverless replicates every partition three times and does not let clients choose.</summary>
    private const int ServerlessReplicationFactor = 3;

    private const int KafkaDefaultStorageGiB = 20;
    private const int RabbitMqDefaultStorageGiB = 8;

    /// <summary>spec.provider; rabbitmq is always inCluster; kafka follows the operator's default provider when unset.</summary>
    public static Provider Provider(MessageBusSpec spec, BuildContext context) =>
        spec.Provider ?? (spec.Engine == BusEngine.RabbitMq ? Crds.V1Alpha1.Provider.InCluster : context.DefaultProvider);

    public static string EngineName(MessageBusSpec spec) => WireName.Of(spec.Engine);

    /// <summary>spec.version, or kafka 3.6.0 and rabbitmq 3.12.</summary>
    public static string Version(MessageBusSpec spec) => spec.Version ?? (spec.Engine == BusEngine.Kafka ? "3.6.0" : "3.12");

    /// <summary>spec.brokers, or 3 for kafka (a replication factor of 3) and 1 for rabbitmq.</summary>
    public static int Brokers(MessageBusSpec spec) => spec.Brokers ?? (spec.Engine == BusEngine.Kafka ? 3 : 1);

    public static string InstanceType(MessageBusSpec spec) => spec.InstanceType ?? "kafka.t3.small";

    /// <summary>MSK storage per broker, default 100 GiB.</summary>
    public static int StorageGiB(MessageBusSpec spec) => spec.StorageGiB ?? 100;

    public static bool Serverless(MessageBusSpec spec) => spec.Serverless ?? false;

    /// <summary>spec.authentication, or iam on MSK (it always authenticates) and none in-cluster.</summary>
    public static BusAuthentication Authentication(MessageBusSpec spec, BuildContext context) =>
        spec.Authentication ?? (Provider(spec, context) == Crds.V1Alpha1.Provider.Aws ? BusAuthentication.Iam : BusAuthentication.None);

    /// <summary>The port clients connect to: MSK's port for the authentication mode (IAM 9098, SCRAM 9096, TLS 9094), 9092 in-cluster, 5672 for AMQP.</summary>
    public static int ClientPort(MessageBusSpec spec, BuildContext context)
    {
        if (spec.Engine == BusEngine.RabbitMq)
        {
            return AmqpPort;
        }
        if (Provider(spec, context) == Crds.V1Alpha1.Provider.InCluster)
        {
            return KafkaPort;
        }
        return Authentication(spec, context) switch
        {
            BusAuthentication.Scram => MskScramPort,
            BusAuthentication.Tls => MskTlsPort,
            _ => MskIamPort,
        };
    }

    /// <summary>topic.partitions, default 3.</summary>
    public static int Partitions(TopicSpec topic) => topic.Partitions ?? 3;

    /// <summary>topic.replicationFactor, default min(3, brokers); always 3 on MSK Serverless.</summary>
    public static int ReplicationFactor(TopicSpec topic, MessageBusSpec spec) =>
        Serverless(spec) ? ServerlessReplicationFactor : topic.ReplicationFactor ?? Math.Min(3, Brokers(spec));

    /// <summary>queue.durable, default true.</summary>
    public static bool Durable(QueueSpec queue) => queue.Durable ?? true;

    /// <summary>queue.deadLetter, default false.</summary>
    public static bool DeadLetter(QueueSpec queue) => queue.DeadLetter ?? false;

    /// <summary>In-cluster volume per broker: resources.storageGiB, else 20 GiB for kafka and 8 GiB for rabbitmq (spec.storageGiB sizes MSK brokers).</summary>
    public static int InClusterStorageGiB(MessageBusSpec spec) =>
        spec.Resources?.StorageGiB ?? (spec.Engine == BusEngine.Kafka ? KafkaDefaultStorageGiB : RabbitMqDefaultStorageGiB);

    public static string Region(MessageBusSpec spec, BuildContext context) => spec.Region ?? context.DefaultRegion;
}
