using System.Text.Json.Nodes;
using Skyforge.Aws.Kafka;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>MessageBus kafka with serverless: true on MSK Serverless end to end: the TestKit API server, moto behind the fault proxy, and the operator host.</summary>
[Collection(MotoCollection.Name)]
public sealed class MskServerlessScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "notifications";
    private DataServicesOperator _operator = null!;
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
        _operator = await DataServicesOperator.StartAsync(moto, Namespace);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private JsonObject Bus(string name, string deletionPolicy) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "MessageBus",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["engine"] = "kafka",
            ["provider"] = "aws",
            ["serverless"] = true,
            ["network"] = new JsonObject
            {
                ["subnetIds"] = new JsonArray([.. moto.Network.SubnetIds.Select(id => (JsonNode)id)]),
                ["securityGroupIds"] = new JsonArray(moto.Network.SecurityGroupId),
            },
            ["topics"] = new JsonArray(new JsonObject { ["name"] = "notifications", ["partitions"] = 3 }),
            ["deletionPolicy"] = deletionPolicy,
        },
    };

    private static string ClusterNameOf(string name) =>
        AwsNames.KafkaClusterName(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "MessageBus", Namespace, name, ""));

    private async Task<Cluster?> ClusterAsync(string name) =>
        (await _aws.Kafka.ListAllClustersV2Async(new ListClustersV2Request(), CancellationToken.None).ToListAsync())
            .SingleOrDefault(cluster => cluster.ClusterName == ClusterNameOf(name));

    [Fact]
    public async Task A_serverless_cluster_is_created_with_its_iam_bootstrap_endpoint_and_deleted()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("events", "Delete"));

        var ready = await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "events", DataServicesOperator.IsReady, "Ready");
        var cluster = (await ClusterAsync("events"))!;
        var brokers = await _aws.Kafka.GetBootstrapBrokersAsync(new GetBootstrapBrokersRequest { ClusterArn = cluster.ClusterArn! }, CancellationToken.None);
        var connection = await _operator.SecretDataAsync(Namespace, "events-connection");
        Assert.Equal("SERVERLESS", cluster.ClusterType);
        Assert.Null(cluster.Provisioned);
        Assert.True(cluster.Serverless!.ClientAuthentication!.Sasl!.Iam!.Enabled);
        Assert.Equal(moto.Network.SubnetIds, cluster.Serverless.VpcConfigs!.Single().SubnetIds);
        Assert.Null(brokers.BootstrapBrokerStringTls);
        Assert.Contains(".kafka-serverless.", brokers.BootstrapBrokerStringSaslIam, StringComparison.Ordinal);
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam, connection["bootstrapServers"]);
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam!.Split(':')[0], connection["host"]);
        Assert.Equal("9098", connection["port"]);
        Assert.Equal("true", connection["tls"]);
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam, ready["status"]!["endpoint"]!.GetValue<string>());
        Assert.Equal(ready["metadata"]!["uid"]!.GetValue<string>(), cluster.Tags![OwnershipTags.UidKey]);
        var topicsJob = Assert.Single(_operator.Server.Store.List("batch", "jobs", Namespace));
        Assert.Contains("notifications", topicsJob.ToJsonString(), StringComparison.Ordinal);

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "events");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "events");
        Assert.Null(await ClusterAsync("events"));
        Assert.Equal(1, moto.Proxy.Count("kafka", "DeleteCluster"));
    }
}
