using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class MessageBusBuilderTests
{
    private readonly RecordingSecrets secrets = new();

    /// <summary>Wallet: MSK, 3 x kafka.m5.large with 100 GiB each.</summary>
    private static MessageBus WalletEvents() => Bus("events", new MessageBusSpec
    {
        Engine = BusEngine.Kafka,
        Provider = Provider.Aws,
        Brokers = 3,
        InstanceType = "kafka.m5.large",
        StorageGiB = 100,
        Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"),
        Tags = new() { ["team"] = "wallet" },
    }, ns: "wallet");

    /// <summary>Cloud-Design: RabbitMQ 3.12 in the cluster with the queue orders.</summary>
    private static MessageBus CloudDesignBroker() => Bus("broker", new MessageBusSpec
    {
        Engine = BusEngine.RabbitMq,
        Version = "3.12",
        Queues = [new QueueSpec { Name = "orders" }],
    }, ns: "cloud-design");

    [Fact]
    public void Wallet_msk_is_three_m5_large_brokers_with_100_gib_iam_and_tls()
    {
        var state = ManagedBusState(WalletEvents());

        var call = state.Call("CreateClusterV2");
        Assert.Equal("kafka", call.Service);
        Assert.Equal("wallet/events", call.Resource);
        var body = call.Parameters;
        Assert.Equal(AwsNames.KafkaClusterName(Context.ClusterName, Identity("MessageBus", "events", "wallet")), (string?)body["clusterName"]);
        var provisioned = body["provisioned"]!;
        Assert.Equal(3, (int)provisioned["numberOfBrokerNodes"]!);
        Assert.Equal("3.6.0", (string?)provisioned["kafkaVersion"]);
        var brokers = provisioned["brokerNodeGroupInfo"]!;
        Assert.Equal("kafka.m5.large", (string?)brokers["instanceType"]);
        Assert.Equal(100, (int)brokers["storageInfo"]!["ebsStorageInfo"]!["volumeSize"]!);
        Assert.Equal(3, brokers["clientSubnets"]!.AsArray().Count);
        Assert.Equal(["sg-0a1b2c3d4e5f67890"], brokers["securityGroups"]!.AsArray().Select(x => (string)x!));
        Assert.True((bool)provisioned["clientAuthentication"]!["sasl"]!["iam"]!["enabled"]!);
        Assert.False((bool)provisioned["clientAuthentication"]!["unauthenticated"]!["enabled"]!);
        Assert.Equal("TLS", (string?)provisioned["encryptionInfo"]!["encryptionInTransit"]!["clientBroker"]);
        Assert.True((bool)provisioned["encryptionInfo"]!["encryptionInTransit"]!["inCluster"]!);
        var tags = body["tags"]!.AsObject();
        Assert.Equal("wallet", (string?)tags["team"]);
        Assert.Equal("events", (string?)tags[OwnershipTags.NameKey]);
        Assert.Equal("prod-eks", (string?)tags[OwnershipTags.ClusterKey]);
    }

    [Fact]
    public void Msk_connection_secret_waits_for_the_bootstrap_brokers()
    {
        var pending = ManagedBusState(WalletEvents()).Single("Secret").StringData();
        Assert.Equal(ConnectionEndpoints.Pending, pending["bootstrapServers"]);
        Assert.Equal("9098", pending["port"]);

        var observed = new ConnectionEndpoints { BootstrapServers = "b-1.events.kafka.ap-south-1.amazonaws.com:9098,b-2.events.kafka.ap-south-1.amazonaws.com:9098" };
        var data = MessageBusBuilder.Build(WalletEvents(), Context, secrets, observed).Single("Secret").StringData();
        Assert.Equal("kafka", data["type"]);
        Assert.Equal("aws", data["provider"]);
        Assert.Equal(observed.BootstrapServers, data["bootstrapServers"]);
        Assert.Equal("b-1.events.kafka.ap-south-1.amazonaws.com", data["host"]);
        Assert.Equal("kafka://" + observed.BootstrapServers, data["uri"]);
        Assert.Equal("true", data["tls"]);
    }

    [Fact]
    public void Palipoint_topic_notifications_is_created_by_kafka_topics_with_the_iam_plugin()
    {
        var resource = Bus("palipoint-bus", new MessageBusSpec
        {
            Engine = BusEngine.Kafka,
            Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
            Brokers = 2,
            Topics = [new TopicSpec { Name = "notifications", Config = new() { ["retention.ms"] = "604800000" } }],
        }, ns: "palipoint");

        var state = ManagedBusState(resource);

        Assert.Equal(["Secret", "Job"], state.Kinds());
        var job = state.Single("Job");
        var container = job.Container();
        Assert.Equal("apache/kafka:3.7.1", (string?)container["image"]);
        Assert.Equal(("palipoint-bus-connection", "bootstrapServers"), container.SecretRef("KAFKA_BOOTSTRAP_SERVERS"));
        var script = container.Script();
        Assert.Contains("'/opt/kafka/bin/kafka-topics.sh' '--command-config' '/tmp/client.properties' '--create' '--if-not-exists' '--topic' 'notifications' '--partitions' '3' '--replication-factor' '2' '--config' 'retention.ms=604800000' --bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"", script, StringComparison.Ordinal);
        Assert.Contains("sasl.mechanism=AWS_MSK_IAM", script, StringComparison.Ordinal);
        var init = Assert.Single(job.PodSpec()["initContainers"]!.AsArray())!;
        Assert.Contains("aws-msk-iam-auth", (string)init["command"]!.AsArray().Last()!, StringComparison.Ordinal);
        Assert.Equal("/opt/skyforge/libs/aws-msk-iam-auth.jar", (string?)container.Env("CLASSPATH")["value"]);
    }

    [Fact]
    public void Msk_serverless_is_iam_only()
    {
        var resource = Bus("b", new MessageBusSpec { Engine = BusEngine.Kafka, Serverless = true, Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002") });

        var body = ManagedBusState(resource).Call("CreateClusterV2").Parameters;

        Assert.Null(body["provisioned"]);
        var vpc = Assert.Single(body["serverless"]!["vpcConfigs"]!.AsArray())!;
        Assert.Equal(2, vpc["subnetIds"]!.AsArray().Count);
        Assert.Equal(["sg-0a1b2c3d4e5f67890"], vpc["securityGroupIds"]!.AsArray().Select(x => (string)x!));
        Assert.True((bool)body["serverless"]!["clientAuthentication"]!["sasl"]!["iam"]!["enabled"]!);

        var scram = Bus("b", resource.Spec with { Authentication = BusAuthentication.Scram });
        Assert.Throws<ArgumentException>(() => ManagedBusState(scram));
    }

    [Theory]
    [InlineData(BusAuthentication.Scram, "scram")]
    [InlineData(BusAuthentication.Tls, "tls")]
    public void Other_msk_authentication_modes_are_requested_as_asked(BusAuthentication authentication, string member)
    {
        var resource = Bus("b", WalletEvents().Spec with { Authentication = authentication });

        var auth = ManagedBusState(resource).Call("CreateClusterV2").Parameters["provisioned"]!["clientAuthentication"]!;

        var mechanism = authentication == BusAuthentication.Scram ? auth["sasl"]![member] : auth[member];
        Assert.True((bool)mechanism!["enabled"]!);
        Assert.Null(auth["sasl"]?["iam"]);
    }

    [Fact]
    public void Msk_without_subnets_is_refused()
    {
        var resource = Bus("b", new MessageBusSpec { Engine = BusEngine.Kafka });

        var error = Assert.Throws<ArgumentException>(() => ManagedBusState(resource));

        Assert.Contains("network.subnetIds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cloud_design_rabbitmq_runs_in_cluster_with_the_management_plugin_and_declares_orders()
    {
        var state = ManagedBusState(CloudDesignBroker());

        Assert.Empty(state.AwsCalls);
        Assert.Equal(["Secret", "Secret", "Service", "Service", "StatefulSet", "Job"], state.Kinds());
        var owner = Identity("MessageBus", "broker", "cloud-design");
        var password = secrets.ValueFor(owner, SecretPurposes.BrokerPassword);

        var statefulSet = state.Single("StatefulSet");
        var server = statefulSet.Container();
        Assert.Equal("rabbitmq:3.12-management", (string?)server["image"]);
        Assert.Equal(1, (int)statefulSet["spec"]!["replicas"]!);
        Assert.Equal(("broker-credentials", "password"), server.SecretRef("RABBITMQ_DEFAULT_PASS"));
        Assert.Equal([5672, 15672], server["ports"]!.AsArray().Select(p => (int)p!["containerPort"]!));

        var data = state.Named("Secret", "broker-connection").StringData();
        Assert.Equal("rabbitmq", data["type"]);
        Assert.Equal("inCluster", data["provider"]);
        Assert.Equal("broker.cloud-design.svc", data["host"]);
        Assert.Equal("5672", data["port"]);
        Assert.Equal("skyforge", data["username"]);
        Assert.Equal(password, data["password"]);
        Assert.Equal($"amqp://skyforge:{password}@broker.cloud-design.svc:5672/%2F", data["uri"]);
        Assert.Equal("http://broker.cloud-design.svc:15672", data["managementUri"]);

        var job = state.Single("Job").Container();
        Assert.Equal(InClusterImages.Curl.Reference, (string?)job["image"]);
        Assert.Equal(("broker-connection", "managementUri"), job.SecretRef("RABBITMQ_MANAGEMENT_URI"));
        Assert.Equal(("broker-connection", "password"), job.SecretRef("RABBITMQ_PASSWORD"));
        Assert.Contains("'-X' 'PUT'", job.Script(), StringComparison.Ordinal);
        Assert.Contains("\"$RABBITMQ_MANAGEMENT_URI\"'/api/queues/%2F/orders'", job.Script(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_cluster_rabbitmq_is_a_single_broker()
    {
        var resource = Bus("broker", CloudDesignBroker().Spec with { Brokers = 3 });

        Assert.Throws<ArgumentException>(() => ManagedBusState(resource));
    }

    [Fact]
    public void Queue_declarations_are_a_durable_queue_or_a_dead_letter_chain()
    {
        var requests = RabbitMqDeclarations.For([new QueueSpec { Name = "orders" }, new QueueSpec { Name = "payments", DeadLetter = true, Durable = false }]);

        Assert.Equal(
        [
            ("PUT", "/api/queues/%2F/orders"),
            ("PUT", "/api/exchanges/%2F/payments.dlx"),
            ("PUT", "/api/queues/%2F/payments.dlq"),
            ("POST", "/api/bindings/%2F/e/payments.dlx/q/payments.dlq"),
            ("PUT", "/api/queues/%2F/payments"),
        ], requests.Select(r => (r.Method, r.Path)));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["durable"] = true, ["arguments"] = new JsonObject() }, requests[0].Body));
        Assert.Equal("fanout", (string?)requests[1].Body["type"]);
        Assert.False((bool)requests[4].Body["durable"]!);
        Assert.Equal("payments.dlx", (string?)requests[4].Body["arguments"]!["x-dead-letter-exchange"]);
    }

    [Fact]
    public void In_cluster_kafka_runs_three_kraft_brokers_that_are_also_controllers()
    {
        var resource = Bus("events", new MessageBusSpec
        {
            Engine = BusEngine.Kafka,
            Provider = Provider.InCluster,
            Version = "3.8",
            Resources = new InClusterResources { Memory = "2Gi" },
            Topics = [new TopicSpec { Name = "notifications" }],
        });

        var state = ManagedBusState(resource);

        Assert.Equal(["Secret", "ConfigMap", "Service", "Service", "StatefulSet", "Job"], state.Kinds());
        var properties = (string)state.Single("ConfigMap")["data"]!["server.properties"]!;
        Assert.Contains("process.roles=broker,controller\n", properties, StringComparison.Ordinal);
        Assert.Contains("controller.quorum.voters=0@events-0.events-headless.shop.svc:9093,1@events-1.events-headless.shop.svc:9093,2@events-2.events-headless.shop.svc:9093\n", properties, StringComparison.Ordinal);
        Assert.Contains("min.insync.replicas=2\n", properties, StringComparison.Ordinal);

        var statefulSet = state.Single("StatefulSet");
        Assert.Equal("Parallel", (string?)statefulSet["spec"]!["podManagementPolicy"]);
        Assert.Equal(3, (int)statefulSet["spec"]!["replicas"]!);
        var container = statefulSet.Container();
        Assert.Equal("apache/kafka:3.8.1", (string?)container["image"]);
        Assert.Equal("-Xms1024m -Xmx1024m", (string?)container.Env("KAFKA_HEAP_OPTS")["value"]);
        var clusterId = (string)container.Env("KAFKA_CLUSTER_ID")["value"]!;
        Assert.Matches("^[A-Za-z0-9_-]{22}$", clusterId);
        Assert.Equal(clusterId, (string?)ManagedBusState(resource).Single("StatefulSet").Container().Env("KAFKA_CLUSTER_ID")["value"]);
        Assert.Contains("kafka-storage.sh format --ignore-formatted", container.Script(), StringComparison.Ordinal);

        var data = state.Single("Secret").StringData();
        Assert.Equal("events-0.events-headless.shop.svc:9092,events-1.events-headless.shop.svc:9092,events-2.events-headless.shop.svc:9092", data["bootstrapServers"]);
        Assert.Equal("events.shop.svc", data["host"]);
        Assert.Equal("9092", data["port"]);
        Assert.Equal("false", data["tls"]);

        var job = state.Single("Job");
        Assert.Contains("security.protocol=PLAINTEXT", job.Container().Script(), StringComparison.Ordinal);
        Assert.Null(job.PodSpec()["initContainers"]);
    }

    [Fact]
    public void Topics_need_credentials_the_operator_has()
    {
        var resource = Bus("b", WalletEvents().Spec with { Authentication = BusAuthentication.Scram, Topics = [new TopicSpec { Name = "t" }] });

        var error = Assert.Throws<ArgumentException>(() => ManagedBusState(resource));

        Assert.Contains("authentication scram", error.Message, StringComparison.Ordinal);
    }

    private DesiredState ManagedBusState(MessageBus resource) => MessageBusBuilder.Build(resource, Context, secrets);
}
