using System.Globalization;
using System.Text;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// server.properties of an in-cluster Kafka in KRaft combined mode: every broker is also a controller
/// voter, reached through the headless Service. The start script appends what differs per pod (node.id,
/// advertised.listeners).
/// </summary>
internal static class KafkaServerConfiguration
{
    public static string Properties(int brokers, string statefulSet, string podDomain)
    {
        var voters = string.Join(',', Enumerable.Range(0, brokers).Select(ordinal =>
            $"{ordinal.ToString(CultureInfo.InvariantCulture)}@{statefulSet}-{ordinal.ToString(CultureInfo.InvariantCulture)}.{podDomain}:{EffectiveBus.KafkaControllerPort.ToString(CultureInfo.InvariantCulture)}"));
        var replication = Math.Min(3, brokers).ToString(CultureInfo.InvariantCulture);
        // Two in-sync copies when there are three, so one broker may restart without refusing writes.
        var minInSync = Math.Min(2, Math.Min(3, brokers)).ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append("process.roles=broker,controller\n")
            .Append($"listeners=PLAINTEXT://:{EffectiveBus.KafkaPort.ToString(CultureInfo.InvariantCulture)},CONTROLLER://:{EffectiveBus.KafkaControllerPort.ToString(CultureInfo.InvariantCulture)}\n")
            .Append("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n")
            .Append("controller.listener.names=CONTROLLER\n")
            .Append("inter.broker.listener.name=PLAINTEXT\n")
            .Append($"controller.quorum.voters={voters}\n")
            // A directory inside the volume: Kafka rejects stray entries such as lost+found in a log directory.
            .Append("log.dirs=/var/lib/kafka/data/logs\n")
            .Append("num.partitions=3\n")
            .Append($"default.replication.factor={replication}\n")
            .Append($"offsets.topic.replication.factor={replication}\n")
            .Append($"transaction.state.log.replication.factor={replication}\n")
            .Append($"transaction.state.log.min.isr={minInSync}\n")
            .Append($"min.insync.replicas={minInSync}\n")
            .ToString();
    }

    /// <summary>
    /// A KRaft cluster id (a UUID in unpadded URL-safe base64) derived from namespace and name, so a
    /// re-created bus that finds its old volumes formats nothing and keeps its data.
    /// </summary>
    public static string ClusterId(ResourceIdentity owner) =>
        Convert.ToBase64String(StableHash.Digest($"kafka-cluster-id/{owner.Namespace}/{owner.Name}"), 0, 16)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IReadOnlyList<string> StartScript(string configTemplate) =>
    [
        "set -eu",
        "config=/tmp/server.properties",
        $"cp {Shell.Quote(configTemplate)} \"$config\"",
        $"printf 'node.id=%s\\nadvertised.listeners=PLAINTEXT://%s.%s:{EffectiveBus.KafkaPort.ToString(CultureInfo.InvariantCulture)}\\n' \"${{HOSTNAME##*-}}\" \"$HOSTNAME\" \"$POD_DOMAIN\" >> \"$config\"",
        "/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id \"$KAFKA_CLUSTER_ID\" --config \"$config\"",
        "exec /opt/kafka/bin/kafka-server-start.sh \"$config\"",
    ];
}
