using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>The MSK call that creates a kafka MessageBus on AWS: CreateClusterV2 with MSK's camelCase REST-JSON body.</summary>
internal static class MskCalls
{
    public static IReadOnlyList<AwsCall> For(DataServiceIdentity identity, MessageBusSpec spec, BuildContext context)
    {
        var owner = identity.Owner;
        var subnets = spec.Network?.SubnetIds is { Count: > 0 } subnetIds
            ? subnetIds
            : throw new ArgumentException("MSK needs network.subnetIds: the client subnets its brokers are placed in", nameof(spec));
        var authentication = EffectiveBus.Authentication(spec, context);
        var body = new JsonObject
        {
            ["clusterName"] = AwsNames.KafkaClusterName(context.ClusterName, owner),
            ["tags"] = OwnershipTags.ToTagMap(OwnershipTags.For(context.ClusterName, owner, spec.Tags)),
        };
        if (EffectiveBus.Serverless(spec))
        {
            if (authentication != BusAuthentication.Iam)
            {
                throw new ArgumentException($"MSK Serverless authenticates with IAM only, not {WireName.Of(authentication)}", nameof(spec));
            }
            body["serverless"] = new JsonObject
            {
                ["vpcConfigs"] = new JsonArray(JsonParts.Compact(new JsonObject
                {
                    ["subnetIds"] = JsonParts.Strings(subnets),
                    ["securityGroupIds"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
                })),
                ["clientAuthentication"] = new JsonObject { ["sasl"] = new JsonObject { ["iam"] = Enabled(true) } },
            };
        }
        else
        {
            body["provisioned"] = new JsonObject
            {
                ["brokerNodeGroupInfo"] = JsonParts.Compact(new JsonObject
                {
                    ["instanceType"] = EffectiveBus.InstanceType(spec),
                    ["clientSubnets"] = JsonParts.Strings(subnets),
                    ["securityGroups"] = JsonParts.StringsOrNull(spec.Network?.SecurityGroupIds),
                    ["storageInfo"] = new JsonObject
                    {
                        ["ebsStorageInfo"] = new JsonObject { ["volumeSize"] = EffectiveBus.StorageGiB(spec) },
                    },
                }),
                ["kafkaVersion"] = EffectiveBus.Version(spec),
                ["numberOfBrokerNodes"] = EffectiveBus.Brokers(spec),
                ["clientAuthentication"] = ClientAuthentication(authentication),
                ["encryptionInfo"] = new JsonObject
                {
                    ["encryptionInTransit"] = new JsonObject { ["clientBroker"] = "TLS", ["inCluster"] = true },
                },
            };
        }
        var calls = new AwsCallList(owner, EffectiveBus.Region(spec, context));
        calls.Add(AwsCallList.Kafka, "CreateClusterV2", body);
        return calls.Calls;
    }

    /// <summary>The one mechanism the spec asks for, with unauthenticated access explicitly off.</summary>
    private static JsonObject ClientAuthentication(BusAuthentication authentication)
    {
        var result = new JsonObject();
        switch (authentication)
        {
            case BusAuthentication.Scram:
                result["sasl"] = new JsonObject { ["scram"] = Enabled(true) };
                break;
            case BusAuthentication.Tls:
                result["tls"] = Enabled(true);
                break;
            case BusAuthentication.Iam:
                result["sasl"] = new JsonObject { ["iam"] = Enabled(true) };
                break;
            default:
                throw new ArgumentException("MSK always authenticates: choose iam, scram or tls", nameof(authentication));
        }
        result["unauthenticated"] = Enabled(false);
        return result;
    }

    private static JsonObject Enabled(bool enabled) => new() { ["enabled"] = enabled };
}
