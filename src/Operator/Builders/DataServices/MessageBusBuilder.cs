using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Desired state of a MessageBus. kafka on AWS: an MSK cluster (provisioned or serverless). kafka
/// in-cluster: a KRaft StatefulSet. rabbitmq: an in-cluster broker with the management plugin. Both:
/// the connection Secret, and a Job creating the topics (kafka-topics.sh) or declaring the queues (the
/// management API through curl).
/// </summary>
public static class MessageBusBuilder
{
    internal const string Component = "message-bus";

    /// <summary>Component of the topics and queues Jobs, distinct from the brokers' so no Service selects them.</summary>
    internal const string SetupComponent = "message-bus-setup";

    /// <summary>The bus as it is before AWS has reported its bootstrap brokers (render).</summary>
    public static DesiredState Build(MessageBus resource, BuildContext context, ISecretSource secrets) =>
        Build(resource, context, secrets, ConnectionEndpoints.None);

    /// <param name="resource">The MessageBus, schema defaults applied.</param>
    /// <param name="context">Operator-wide settings.</param>
    /// <param name="secrets">Source of the RabbitMQ password.</param>
    /// <param name="observed">MSK's bootstrap brokers for the connection Secret; ignored in-cluster.</param>
    /// <exception cref="ArgumentException">A combination the operator cannot provide (rabbitmq on AWS, MSK without subnets, topics over scram or tls, ...).</exception>
    public static DesiredState Build(MessageBus resource, BuildContext context, ISecretSource secrets, ConnectionEndpoints observed)
    {
        var identity = DataServiceIdentity.Of(resource);
        var spec = resource.Spec;
        var provider = EffectiveBus.Provider(spec, context);
        var labels = identity.Labels(EffectiveBus.EngineName(spec), Component);

        if (spec.Engine == BusEngine.RabbitMq)
        {
            if (provider != Provider.InCluster)
            {
                throw new ArgumentException("engine rabbitmq needs provider inCluster: Amazon MQ is not supported", nameof(resource));
            }
            var password = secrets.Get(identity.Owner, SecretPurposes.BrokerPassword, SecretPurposes.GeneratedLength, asciiSymbols: false);
            var credentials = InClusterBus.RabbitMqCredentials(identity, labels, password);
            var broker = InClusterBus.RabbitMq(identity, spec, InClusterNames.CredentialsSecret(identity.Name));
            var objects = new List<JsonObject> { credentials, RabbitMqConnectionSecret(identity, spec, labels, broker.Host, password) };
            objects.AddRange(broker.Objects);
            objects.AddRange(QueuesJob(identity, spec));
            return new DesiredState(objects, []);
        }

        if (provider == Provider.Aws)
        {
            var calls = MskCalls.For(identity, spec, context);
            var bootstrap = observed.BootstrapServers ?? ConnectionEndpoints.Pending;
            var host = observed.BootstrapServers is null ? ConnectionEndpoints.Pending : FirstHost(bootstrap);
            var objects = new List<JsonObject> { KafkaConnectionSecret(identity, spec, context, labels, host, bootstrap, tls: true) };
            objects.AddRange(KafkaTopicsJob.For(identity, spec, context));
            return new DesiredState(objects, calls);
        }

        var server = InClusterBus.Kafka(identity, spec, context);
        var inCluster = new List<JsonObject> { KafkaConnectionSecret(identity, spec, context, labels, server.Host, server.BootstrapServers!, tls: false) };
        inCluster.AddRange(server.Objects);
        inCluster.AddRange(KafkaTopicsJob.For(identity, spec, context));
        return new DesiredState(inCluster, []);
    }

    private static JsonObject KafkaConnectionSecret(DataServiceIdentity identity, MessageBusSpec spec, BuildContext context, IReadOnlyDictionary<string, string> labels, string host, string bootstrapServers, bool tls)
    {
        List<KeyValuePair<string, string>> data =
        [
            new(ConnectionSecretKeys.Type, "kafka"),
            new(ConnectionSecretKeys.Provider, WireName.Of(EffectiveBus.Provider(spec, context))),
            new(ConnectionSecretKeys.Engine, EffectiveBus.EngineName(spec)),
            new(ConnectionSecretKeys.Host, host),
            new(ConnectionSecretKeys.Port, EffectiveBus.ClientPort(spec, context).ToString(CultureInfo.InvariantCulture)),
            new(ConnectionSecretKeys.BootstrapServers, bootstrapServers),
            new(ConnectionSecretKeys.Tls, tls ? "true" : "false"),
            new(ConnectionSecretKeys.Uri, bootstrapServers == ConnectionEndpoints.Pending ? ConnectionEndpoints.Pending : "kafka://" + bootstrapServers),
        ];
        return Manifest.Secret(identity.Owner, InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name), labels, data);
    }

    private static JsonObject RabbitMqConnectionSecret(DataServiceIdentity identity, MessageBusSpec spec, IReadOnlyDictionary<string, string> labels, string host, string password)
    {
        var port = EffectiveBus.AmqpPort.ToString(CultureInfo.InvariantCulture);
        var user = InClusterBus.RabbitMqUser;
        List<KeyValuePair<string, string>> data =
        [
            new(ConnectionSecretKeys.Type, "rabbitmq"),
            new(ConnectionSecretKeys.Provider, WireName.Of(Provider.InCluster)),
            new(ConnectionSecretKeys.Engine, EffectiveBus.EngineName(spec)),
            new(ConnectionSecretKeys.Host, host),
            new(ConnectionSecretKeys.Port, port),
            new(ConnectionSecretKeys.Username, user),
            new(ConnectionSecretKeys.Password, password),
            // %2F: the default virtual host "/".
            new(ConnectionSecretKeys.Uri, $"amqp://{user}:{Uri.EscapeDataString(password)}@{host}:{port}/%2F"),
            new(ConnectionSecretKeys.ManagementUri, $"http://{host}:{EffectiveBus.ManagementPort.ToString(CultureInfo.InvariantCulture)}"),
        ];
        return Manifest.Secret(identity.Owner, InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name), labels, data);
    }

    /// <summary>A curl Job sending <see cref="RabbitMqDeclarations"/> to the management API with the credentials from the connection Secret.</summary>
    private static IEnumerable<JsonObject> QueuesJob(DataServiceIdentity identity, MessageBusSpec spec)
    {
        if (spec.Queues is not { Count: > 0 } queues)
        {
            yield break;
        }
        var script = new List<string> { "set -eu" };
        foreach (var request in RabbitMqDeclarations.For(queues))
        {
            script.Add(Shell.Command(["curl", "-fsS", "--retry", "10", "--retry-connrefused", "--retry-delay", "5",
                    "-X", request.Method, "-H", "content-type: application/json", "--data", request.Body.ToJsonString()])
                + " -u \"$RABBITMQ_USERNAME:$RABBITMQ_PASSWORD\""
                + $" \"$RABBITMQ_MANAGEMENT_URI\"{Shell.Quote(request.Path)}");
        }
        var name = InClusterNames.Job(identity.Name, "queues", string.Join('\n', script));
        var connection = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name);
        yield return InClusterWorkloads.SetupJob(new SetupJob
        {
            Identity = identity,
            Name = name,
            Engine = EffectiveBus.EngineName(spec),
            Component = SetupComponent,
            ContainerName = "declare-queues",
            Image = InClusterImages.Curl,
            Command = Shell.Script(script),
            Env =
            [
                PodParts.EnvFromSecret("RABBITMQ_MANAGEMENT_URI", connection, ConnectionSecretKeys.ManagementUri),
                PodParts.EnvFromSecret("RABBITMQ_USERNAME", connection, ConnectionSecretKeys.Username),
                PodParts.EnvFromSecret("RABBITMQ_PASSWORD", connection, ConnectionSecretKeys.Password),
            ],
            Volumes = [(PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp"))],
        });
    }

    private static string FirstHost(string bootstrapServers)
    {
        var first = bootstrapServers.Split(',')[0];
        var colon = first.LastIndexOf(':');
        return colon > 0 ? first[..colon] : first;
    }
}
