using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A message bus: Amazon MSK, in-cluster Kafka (KRaft) or in-cluster RabbitMQ.</summary>
[CelRule("self.engine != 'rabbitmq' || !has(self.provider) || self.provider == 'inCluster'", "engine rabbitmq needs provider inCluster: Amazon MQ is not supported yet", FieldPath = ".provider")]
[CelRule("!has(self.queues) || self.engine == 'rabbitmq'", "queues are for engine rabbitmq; use topics for kafka", FieldPath = ".queues")]
[CelRule("!has(self.topics) || self.engine == 'kafka'", "topics are for engine kafka; use queues for rabbitmq", FieldPath = ".topics")]
[CelRule("!has(self.serverless) || !self.serverless || (self.engine == 'kafka' && (!has(self.provider) || self.provider == 'aws'))", "serverless is MSK Serverless: engine kafka with provider aws", FieldPath = ".serverless")]
[CelRule("!has(self.authentication) || self.authentication == 'none' || self.engine == 'kafka'", "rabbitmq authenticates with the generated user; authentication applies to kafka", FieldPath = ".authentication")]
[CelRule("!has(self.authentication) || self.authentication != 'iam' || !has(self.provider) || self.provider == 'aws'", "authentication iam needs provider aws", FieldPath = ".authentication")]
[CelRule("!has(self.authentication) || self.authentication != 'none' || (has(self.provider) && self.provider == 'inCluster')", "MSK always authenticates: choose iam, scram or tls", FieldPath = ".authentication")]
[CelRule("!has(self.resources) || (has(self.provider) && self.provider == 'inCluster') || (!has(self.provider) && self.engine == 'rabbitmq')", "resources applies to provider inCluster only", FieldPath = ".resources")]
public sealed record MessageBusSpec
{
    /// <summary>Engine. Cannot change after creation.</summary>
    [RequiredField, Immutable]
    public required BusEngine Engine { get; init; }

    /// <summary>Engine version; kafka 3.6.0 and rabbitmq 3.12 when unset.</summary>
    [Pattern("^[0-9]+(\\.[0-9]+){0,2}$")]
    public string? Version { get; init; }

    /// <summary>Where the bus runs: aws (Amazon MSK) by default for kafka, inCluster for rabbitmq. Cannot change after creation.</summary>
    [Immutable]
    public Provider? Provider { get; init; }

    /// <summary>Broker count: 3 for kafka, 1 for rabbitmq when unset. On MSK a multiple of the subnet count.</summary>
    [Minimum(1), Maximum(30)]
    public int? Brokers { get; init; }

    /// <summary>MSK broker instance type.</summary>
    [Default("\"kafka.t3.small\""), Pattern("^kafka\\.[a-z0-9]+\\.[a-z0-9]+$")]
    public string? InstanceType { get; init; }

    /// <summary>Storage per broker in GiB.</summary>
    [Default("100"), Minimum(1), Maximum(16384)]
    public int? StorageGiB { get; init; }

    /// <summary>Use MSK Serverless. Cannot change after creation.</summary>
    [Default("false"), Immutable]
    public bool? Serverless { get; init; }

    /// <summary>Client authentication: iam on MSK and none in-cluster when unset.</summary>
    public BusAuthentication? Authentication { get; init; }

    /// <summary>Kafka topics created by the operator.</summary>
    [ListMap("name"), Items(0, 200)]
    public List<TopicSpec>? Topics { get; init; }

    /// <summary>RabbitMQ queues declared by the operator.</summary>
    [ListMap("name"), Items(0, 200)]
    public List<QueueSpec>? Queues { get; init; }

    /// <summary>AWS networking (provider aws).</summary>
    public NetworkSpec? Network { get; init; }

    /// <summary>Extra AWS tags; keys under skyforge.dev/ are reserved for ownership tags.</summary>
    [MaxProperties(40)]
    [CelRule("self.all(k, !k.startsWith('skyforge.dev/') && !k.startsWith('aws:'))", "tag keys starting with skyforge.dev/ or aws: are reserved")]
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>AWS region; the operator's default region when unset. Cannot change after creation.</summary>
    [Immutable, Pattern(Patterns.AwsRegion)]
    public string? Region { get; init; }

    /// <summary>What happens to the bus when this object is deleted.</summary>
    [Default("\"Delete\"")]
    public DeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>Name of the Secret the connection details are written to; default &lt;name&gt;-connection.</summary>
    [Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? ConnectionSecretName { get; init; }

    /// <summary>CPU, memory and volume size of each in-cluster broker.</summary>
    public InClusterResources? Resources { get; init; }
}
