using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>ManagedDatabase on Aurora end to end against moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class AuroraScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "wallet";
    private static readonly ResourceType Databases = SkyforgeResourceTypes.ManagedDatabases;
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

    private JsonObject Cluster(int replicas, int retentionDays, JsonObject? tags = null)
    {
        var cluster = new JsonObject
        {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedDatabase",
        ["metadata"] = new JsonObject { ["name"] = "ledger", ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["engine"] = "aurora-postgresql",
            ["version"] = "16.2",
            ["instanceClass"] = "db.r6g.large",
            ["replicas"] = replicas,
            ["backup"] = new JsonObject { ["retentionDays"] = retentionDays },
            ["network"] = new JsonObject { ["subnetIds"] = new JsonArray([.. moto.Network.SubnetIds.Select(id => (JsonNode)id)]) },
            ["deletionPolicy"] = "Snapshot",
        },
        };
        if (tags is not null)
        {
            cluster["spec"]!["tags"] = tags;
        }
        return cluster;
    }

    private static ResourceIdentity Identity(string uid = "") => new(Group.ApiVersion, "ManagedDatabase", Namespace, "ledger", uid);

    private async Task<IReadOnlyList<string>> InstanceIdsAsync() =>
        [.. (await _aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None)).DBInstances!.Select(instance => instance.DBInstanceIdentifier!).Order()];

    private async Task<DBCluster?> ClusterAsync()
    {
        try
        {
            var clusterId = AwsNames.DbClusterId(DataServicesOperator.ClusterName, Identity());
            return (await _aws.Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = clusterId }, CancellationToken.None)).DBClusters?.SingleOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_cluster_with_readers_is_created_scaled_and_deleted_with_a_final_snapshot()
    {
        await _operator.ApplyAsync(Databases, Cluster(replicas: 1, retentionDays: 7));

        var ready = await _operator.WaitForAsync(Databases, Namespace, "ledger", DataServicesOperator.IsReady, "Ready");
        var cluster = (await ClusterAsync())!;
        var writer = AwsNames.DbClusterWriterId(DataServicesOperator.ClusterName, Identity());
        var reader1 = AwsNames.DbClusterReaderId(DataServicesOperator.ClusterName, Identity(), 1);
        Assert.Equal(new[] { writer, reader1 }.Order(), await InstanceIdsAsync());
        var connection = await _operator.SecretDataAsync(Namespace, "ledger-connection");
        Assert.Equal(cluster.Endpoint, connection["host"]);
        Assert.Equal(cluster.ReaderEndpoint, connection["readerHost"]);
        Assert.Equal("aurora-postgresql", connection["engine"]);
        Assert.Equal(cluster.ReaderEndpoint, ready["status"]!["readerEndpoint"]!["host"]!.GetValue<string>());

        await _operator.ApplyAsync(Databases, Cluster(replicas: 2, retentionDays: 14));
        await _operator.WaitForAsync(Databases, Namespace, "ledger", obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == 2, "Ready at generation 2");
        var reader2 = AwsNames.DbClusterReaderId(DataServicesOperator.ClusterName, Identity(), 2);
        await Eventually.ReturnsAsync(InstanceIdsAsync, ids => ids.Contains(reader2), "the second reader");
        Assert.Equal(14, (await Eventually.ReturnsAsync(ClusterAsync, current => current?.BackupRetentionPeriod == 14, "the new retention"))!.BackupRetentionPeriod);

        await _operator.ApplyAsync(Databases, Cluster(replicas: 1, retentionDays: 14));
        await Eventually.ReturnsAsync(InstanceIdsAsync, ids => !ids.Contains(reader2), "the second reader to be removed");

        await _operator.ApplyAsync(Databases, Cluster(replicas: 1, retentionDays: 14, tags: new JsonObject { ["team"] = "ledger" }));
        foreach (var arn in new[] { cluster.DBClusterArn! }.Concat((await _aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None)).DBInstances!.Select(instance => instance.DBInstanceArn!)))
        {
            await Eventually.ReturnsAsync(
                async () => (await _aws.Rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, CancellationToken.None)).TagList ?? [],
                tags => tags.Any(tag => tag.Key == "team" && tag.Value == "ledger"), $"the team tag on {arn}");
        }

        await _operator.Client.DeleteAsync(Databases, Namespace, "ledger");
        await _operator.WaitForGoneAsync(Databases, Namespace, "ledger");
        Assert.Null(await ClusterAsync());
        Assert.Empty(await InstanceIdsAsync());
        var snapshot = AwsNames.DbFinalSnapshotId(DataServicesOperator.ClusterName, Identity(ready["metadata"]!["uid"]!.GetValue<string>()));
        Assert.Contains(snapshot, await MotoRds.ClusterSnapshotIdentifiersAsync(moto.Moto.Endpoint, MotoFixture.Region));
        Assert.DoesNotContain(connection["password"], _operator.ObservableText());
    }

    [Fact]
    public async Task A_cluster_tagged_for_another_owner_is_never_modified_or_deleted()
    {
        await _aws.Rds.CreateDBClusterAsync(new CreateDBClusterRequest
        {
            DBClusterIdentifier = AwsNames.DbClusterId(DataServicesOperator.ClusterName, Identity()),
            Engine = "aurora-postgresql",
            EngineVersion = "16.2",
            MasterUsername = "someone",
            MasterUserPassword = "Foreign-password-123",
            BackupRetentionPeriod = 3,
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = Namespace }, new AwsTag { Key = OwnershipTags.NameKey, Value = "ledger" }],
        }, CancellationToken.None);

        await _operator.ApplyAsync(Databases, Cluster(replicas: 1, retentionDays: 7));
        await _operator.WaitForAsync(Databases, Namespace, "ledger", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(Databases, Namespace, "ledger");
        await _operator.WaitForGoneAsync(Databases, Namespace, "ledger");

        var cluster = await ClusterAsync();
        Assert.Equal(3, cluster?.BackupRetentionPeriod);
        Assert.Empty(await InstanceIdsAsync());
        Assert.Equal(0, moto.Proxy.Count("rds", "ModifyDBCluster"));
        Assert.Equal(0, moto.Proxy.Count("rds", "DeleteDBCluster"));
    }
}
