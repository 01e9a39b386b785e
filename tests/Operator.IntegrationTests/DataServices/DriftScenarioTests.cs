using System.Text.Json.Nodes;
using Skyforge.Aws.Rds;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>A change made directly in AWS is put back within one drift interval (2 s here).</summary>
[Collection(MotoCollection.Name)]
public sealed class DriftScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private DataServicesOperator _operator = null!;
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
        _operator = await DataServicesOperator.StartAsync(moto, TimeSpan.FromSeconds(2), "shop");
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _aws.DisposeAsync();
    }

    [Fact]
    public async Task An_instance_class_changed_in_aws_is_reverted()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, new JsonObject
        {
            ["apiVersion"] = Group.ApiVersion,
            ["kind"] = "ManagedDatabase",
            ["metadata"] = new JsonObject { ["name"] = "drifty", ["namespace"] = "shop" },
            ["spec"] = new JsonObject { ["engine"] = "postgres", ["deletionPolicy"] = "Delete" },
        });
        await _operator.WaitForAsync(SkyforgeResourceTypes.ManagedDatabases, "shop", "drifty", DataServicesOperator.IsReady, "Ready");
        var instanceId = AwsNames.DbInstanceId(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", "shop", "drifty", ""));

        await _aws.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = instanceId, DBInstanceClass = "db.r6g.large", ApplyImmediately = true }, CancellationToken.None);

        var reverted = await Eventually.ReturnsAsync(
            () => _aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = instanceId }, CancellationToken.None),
            described => described.DBInstances?.Single().DBInstanceClass == "db.t4g.micro",
            "the instance class to be put back",
            TimeSpan.FromSeconds(10));
        Assert.Equal("available", reverted.DBInstances!.Single().DBInstanceStatus);
    }
}
