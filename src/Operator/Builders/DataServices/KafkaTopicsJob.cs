using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The Job that creates a bus's topics with Kafka's own CLI (kafka-topics.sh --create --if-not-exists),
/// against the bootstrap servers in the connection Secret.
/// </summary>
internal static class KafkaTopicsJob
{
    /// <summary>
    /// AWS's SASL/IAM login module for Kafka clients; the Apache image does not ship it, so an init
    /// container fetches this release next to the CLI.
    /// </summary>
    private const string IamPluginUrl = "https://github.com/aws/aws-msk-iam-auth/releases/download/v2.2.0/aws-msk-iam-auth-2.2.0-all.jar";

    private const string PluginDirectory = "/opt/skyforge/libs";
    private const string PluginJar = PluginDirectory + "/aws-msk-iam-auth.jar";
    private const string ClientProperties = "/tmp/client.properties";

    /// <exception cref="ArgumentException">Authentication scram or tls: the operator holds no credentials the CLI could use.</exception>
    public static IEnumerable<JsonObject> For(DataServiceIdentity identity, MessageBusSpec spec, BuildContext context)
    {
        if (spec.Topics is not { Count: > 0 } topics)
        {
            yield break;
        }
        var authentication = EffectiveBus.Authentication(spec, context);
        var (properties, needsIamPlugin) = authentication switch
        {
            BusAuthentication.None => ((IReadOnlyList<string>)["security.protocol=PLAINTEXT"], false),
            BusAuthentication.Iam =>
            ([
                "security.protocol=SASL_SSL",
                "sasl.mechanism=AWS_MSK_IAM",
                "sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;",
                "sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler",
            ], true),
            _ => throw new ArgumentException(
                $"topics cannot be created with authentication {WireName.Of(authentication)}: the operator holds no client credentials for it; use iam (MSK) or none (in-cluster)", nameof(spec)),
        };

        var script = new List<string> { "set -eu" };
        script.AddRange(properties.Select(line => $"printf '%s\\n' {Shell.Quote(line)} >> {ClientProperties}"));
        foreach (var topic in topics)
        {
            var arguments = new List<string>
            {
                "/opt/kafka/bin/kafka-topics.sh", "--command-config", ClientProperties, "--create", "--if-not-exists",
                "--topic", topic.Name,
                "--partitions", EffectiveBus.Partitions(topic).ToString(CultureInfo.InvariantCulture),
                "--replication-factor", EffectiveBus.ReplicationFactor(topic, spec).ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in (topic.Config ?? []).OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                arguments.Add("--config");
                arguments.Add($"{key}={value}");
            }
            script.Add(Shell.Command(arguments) + " --bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"");
        }

        var image = InClusterImages.Kafka(EffectiveBus.Version(spec));
        var name = InClusterNames.Job(identity.Name, "topics", string.Join('\n', script) + image.Reference);
        var connection = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, identity.Name);
        var env = new List<JsonObject>
        {
            PodParts.EnvFromSecret("KAFKA_BOOTSTRAP_SERVERS", connection, ConnectionSecretKeys.BootstrapServers),
            // kafka-run-class.sh creates its log directory; the root file system is read-only.
            PodParts.Env("LOG_DIR", "/tmp/kafka-logs"),
        };
        var volumes = new List<(JsonObject Volume, JsonObject Mount)>
        {
            (PodParts.EmptyDirVolume("tmp"), PodParts.Mount("tmp", "/tmp")),
        };
        var initContainers = new List<JsonObject>();
        if (needsIamPlugin)
        {
            env.Add(PodParts.Env("CLASSPATH", PluginJar));
            volumes.Add((PodParts.EmptyDirVolume("libs"), PodParts.Mount("libs", PluginDirectory)));
            initContainers.Add(new JsonObject
            {
                ["name"] = "fetch-iam-plugin",
                ["image"] = InClusterImages.Curl.Reference,
                ["imagePullPolicy"] = "IfNotPresent",
                ["command"] = JsonParts.Strings(["curl", "-fsSL", "--retry", "5", "-o", PluginJar, IamPluginUrl]),
                ["securityContext"] = PodParts.ContainerSecurityContext(),
                ["volumeMounts"] = new JsonArray(PodParts.Mount("libs", PluginDirectory)),
            });
        }

        yield return InClusterWorkloads.SetupJob(new SetupJob
        {
            Identity = identity,
            Name = name,
            Engine = EffectiveBus.EngineName(spec),
            Component = MessageBusBuilder.SetupComponent,
            ContainerName = "create-topics",
            Image = image,
            Command = Shell.Script(script),
            Env = env,
            Volumes = volumes,
            InitContainers = initContainers,
        });
    }
}
