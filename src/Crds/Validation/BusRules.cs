using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Crds.Validation;

internal static class BusRules
{
    public static void Check(MessageBusSpec spec, string path, FieldErrors errors)
    {
        var engine = spec.Engine;
        if (spec.Version is { } version && !EngineVersions.Matches(version, EngineVersions.Supported(engine)))
        {
            errors.Add($"{path}.version", $"Unsupported value: \"{version}\": {WireName.Of(engine)} versions are {string.Join(", ", EngineVersions.Supported(engine))}");
        }
        var provider = spec.Provider ?? (engine == BusEngine.Kafka ? Provider.Aws : Provider.InCluster);
        var brokers = spec.Brokers ?? (engine == BusEngine.Kafka ? 3 : 1);
        var serverless = spec.Serverless == true;

        if (engine == BusEngine.Kafka && provider == Provider.Aws)
        {
            if (spec.Network?.SubnetGroupName is not null)
            {
                errors.Add($"{path}.network.subnetGroupName", "Forbidden: MSK takes subnets directly; use network.subnetIds");
            }
            var subnets = spec.Network?.SubnetIds?.Count ?? 0;
            if (subnets == 0)
            {
                errors.Add($"{path}.network.subnetIds", "Required value: MSK needs the client subnets its brokers are placed in");
            }
            else if (!serverless && brokers % subnets != 0)
            {
                errors.Add($"{path}.brokers", $"Invalid value: {brokers}: must be a multiple of the number of subnets ({subnets})");
            }
            if (!serverless && subnets == 1)
            {
                errors.Add($"{path}.network.subnetIds", "Invalid value: 1 subnet: MSK needs subnets in at least two availability zones");
            }
        }
        var authentication = spec.Authentication;
        if (engine == BusEngine.Kafka && provider == Provider.InCluster && authentication is not null and not BusAuthentication.None)
        {
            errors.Add($"{path}.authentication", $"Unsupported value: \"{WireName.Of(authentication.Value)}\": in-cluster Kafka runs without authentication, reachable only through its NetworkPolicy; set none");
        }
        if (engine == BusEngine.Kafka && provider == Provider.Aws && serverless && authentication is not null and not BusAuthentication.Iam)
        {
            errors.Add($"{path}.authentication", $"Unsupported value: \"{WireName.Of(authentication.Value)}\": MSK Serverless supports only iam");
        }
        if (engine == BusEngine.Kafka && provider == Provider.Aws && authentication is BusAuthentication.Scram or BusAuthentication.Tls && spec.Topics is { Count: > 0 })
        {
            errors.Add($"{path}.topics", $"Forbidden: topics are created with IAM credentials; with authentication {WireName.Of(authentication.Value)} the operator holds no client credentials, so create them yourself or use iam");
        }
        if (engine == BusEngine.RabbitMq && brokers > 1)
        {
            errors.Add($"{path}.brokers", $"Invalid value: {brokers}: in-cluster RabbitMQ runs a single broker");
        }

        if (spec.Topics is { } topics)
        {
            for (var i = 0; i < topics.Count; i++)
            {
                if (!serverless && topics[i].ReplicationFactor is { } factor && factor > brokers)
                {
                    errors.Add($"{path}.topics[{i}].replicationFactor", $"Invalid value: {factor}: must be <= brokers ({brokers})");
                }
            }
        }
    }
}
