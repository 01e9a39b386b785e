using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>spec.region: the operator defaults to <see cref="MotoFixture.Region"/>, and a resource naming another region lives there.</summary>
[Collection(MotoCollection.Name)]
public sealed class RegionScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "eu-shop";
    private const string OtherRegion = "eu-west-1";
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

    private static string InstanceId(string name) =>
        AwsNames.DbInstanceId(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", Namespace, name, ""));

    private static string MasterSecretName(string name) =>
        AwsNames.SecretName(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", Namespace, name, ""), "master-credentials");

    private async Task<bool> SecretExistsAsync(string region, string secretId)
    {
        try
        {
            await _aws.Get<IAwsClientFactory>().ForRegion(region).SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = secretId }, CancellationToken.None);
            return true;
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_database_in_another_region_is_created_observed_and_deleted_in_that_region()
    {
        // Subnets exist only in the other region, so moto rejects the subnet group if the operator asks the default region.
        var network = await MotoEc2.CreateNetworkAsync(moto.Moto.Endpoint, OtherRegion);
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, new JsonObject
        {
            ["apiVersion"] = Group.ApiVersion,
            ["kind"] = "ManagedDatabase",
            ["metadata"] = new JsonObject { ["name"] = "orders", ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                ["engine"] = "postgres",
                ["version"] = "16.3",
                ["region"] = OtherRegion,
                ["network"] = new JsonObject
                {
                    ["subnetIds"] = new JsonArray([.. network.SubnetIds.Select(id => (JsonNode)id)]),
                    ["securityGroupIds"] = new JsonArray(network.SecurityGroupId),
                },
                ["deletionPolicy"] = "Delete",
            },
        });

        var ready = await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "orders", DataServicesOperator.IsReady, "Ready");

        Assert.Equal([InstanceId("orders")], await MotoRds.InstanceIdentifiersAsync(moto.Moto.Endpoint, OtherRegion));
        Assert.Empty(await MotoRds.InstanceIdentifiersAsync(moto.Moto.Endpoint, MotoFixture.Region));
        Assert.Contains($":{OtherRegion}:", ready["status"]!["arn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($".{OtherRegion}.", (await _operator.SecretDataAsync(Namespace, "orders-connection"))["host"], StringComparison.Ordinal);
        Assert.True(await SecretExistsAsync(OtherRegion, MasterSecretName("orders")));
        Assert.False(await SecretExistsAsync(MotoFixture.Region, MasterSecretName("orders")));

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "orders");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.ManagedDatabases, Namespace, "orders");

        Assert.Empty(await MotoRds.InstanceIdentifiersAsync(moto.Moto.Endpoint, OtherRegion));
        var secret = await _aws.Get<IAwsClientFactory>().ForRegion(OtherRegion).SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = MasterSecretName("orders") }, CancellationToken.None);
        Assert.NotNull(secret.DeletedDate);
    }
}
