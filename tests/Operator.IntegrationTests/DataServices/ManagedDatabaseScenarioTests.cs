using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>ManagedDatabase on RDS end to end: the TestKit API server, moto behind the fault proxy, and the data-service controllers.</summary>
[Collection(MotoCollection.Name)]
public sealed class ManagedDatabaseScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "shop";
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

    private JsonObject Database(string name, string deletionPolicy, Action<JsonObject>? customize = null)
    {
        var spec = new JsonObject
        {
            ["engine"] = "postgres",
            ["version"] = "16.3",
            ["network"] = new JsonObject
            {
                ["subnetIds"] = new JsonArray([.. moto.Network.SubnetIds.Select(id => (JsonNode)id)]),
                ["securityGroupIds"] = new JsonArray(moto.Network.SecurityGroupId),
            },
            ["deletionPolicy"] = deletionPolicy,
        };
        customize?.Invoke(spec);
        return new JsonObject
        {
            ["apiVersion"] = Group.ApiVersion,
            ["kind"] = "ManagedDatabase",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
            ["spec"] = spec,
        };
    }

    private static ResourceIdentity Identity(string name, string uid = "") => new(Group.ApiVersion, "ManagedDatabase", Namespace, name, uid);

    private static string InstanceId(string name) => AwsNames.DbInstanceId(DataServicesOperator.ClusterName, Identity(name));

    private async Task<DBInstance?> InstanceAsync(string name)
    {
        try
        {
            return (await _aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = InstanceId(name) }, CancellationToken.None)).DBInstances?.SingleOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    private async Task<JsonObject> ReadyAsync(string name, long generation = 1) =>
        await _operator.WaitForAsync(Databases, Namespace, name, obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == generation, $"Ready at generation {generation}");

    private async Task<string> MasterPasswordAsync(string name)
    {
        var secretId = AwsNames.SecretName(DataServicesOperator.ClusterName, Identity(name), "master-credentials");
        var value = await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }, CancellationToken.None);
        return JsonNode.Parse(value.SecretString!)!["password"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_database_is_created_with_its_connection_secret_modified_and_deleted()
    {
        await _operator.ApplyAsync(Databases, Database("orders-db", "Delete"));

        var ready = await ReadyAsync("orders-db");
        var instance = (await InstanceAsync("orders-db"))!;
        var connection = await _operator.SecretDataAsync(Namespace, "orders-db-connection");
        var password = await MasterPasswordAsync("orders-db");
        Assert.Equal(instance.Endpoint!.Address, connection["host"]);
        Assert.Equal("5432", connection["port"]);
        Assert.Equal("dbadmin", connection["username"]);
        Assert.Equal(password, connection["password"]);
        Assert.Equal("orders_db", connection["database"]);
        Assert.Equal($"postgresql://dbadmin:{password}@{instance.Endpoint.Address}:5432/orders_db", connection["uri"]);
        Assert.Equal(instance.Endpoint.Address, ready["status"]!["endpoint"]!["host"]!.GetValue<string>());
        Assert.Equal(instance.DBInstanceArn, ready["status"]!["arn"]!.GetValue<string>());
        Assert.Equal("db.t4g.micro", instance.DBInstanceClass);
        Assert.Contains(instance.TagList!, tag => tag.Key == OwnershipTags.UidKey && tag.Value == ready["metadata"]!["uid"]!.GetValue<string>());

        await _operator.ApplyAsync(Databases, Database("orders-db", "Delete", spec =>
        {
            spec["instanceClass"] = "db.t4g.small";
            spec["backup"] = new JsonObject { ["retentionDays"] = 14 };
        }));
        await ReadyAsync("orders-db", generation: 2);
        var modified = await Eventually.ReturnsAsync(() => InstanceAsync("orders-db"), current => current?.DBInstanceClass == "db.t4g.small", "the new instance class in RDS");
        Assert.Equal(14, modified!.BackupRetentionPeriod);

        await _operator.Client.DeleteAsync(Databases, Namespace, "orders-db");
        await _operator.WaitForGoneAsync(Databases, Namespace, "orders-db");
        Assert.Null(await InstanceAsync("orders-db"));
        var subnetGroups = await _aws.Rds.DescribeDBSubnetGroupsAsync(new DescribeDBSubnetGroupsRequest(), CancellationToken.None);
        Assert.Empty(subnetGroups.DBSubnetGroups ?? []);
        var secret = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = AwsNames.SecretName(DataServicesOperator.ClusterName, Identity("orders-db"), "master-credentials") }, CancellationToken.None);
        Assert.NotNull(secret.DeletedDate);
        Assert.DoesNotContain(password, _operator.ObservableText());
    }

    [Fact]
    public async Task Changed_and_removed_spec_tags_reach_the_instance_and_ownership_tags_stay()
    {
        await _operator.ApplyAsync(Databases, Database("tagged-db", "Delete", spec => spec["tags"] = new JsonObject { ["team"] = "payments", ["cost-center"] = "cc-1" }));
        await ReadyAsync("tagged-db");
        var before = (await InstanceAsync("tagged-db"))!;
        Assert.Contains(before.TagList!, tag => tag.Key == "cost-center" && tag.Value == "cc-1");
        await _aws.Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = before.DBInstanceArn!, Tags = [new AwsTag { Key = "added-by-hand", Value = "x" }] }, CancellationToken.None);

        await _operator.ApplyAsync(Databases, Database("tagged-db", "Delete", spec => spec["tags"] = new JsonObject { ["team"] = "billing" }));

        var after = await Eventually.ReturnsAsync(() => TagsAsync(before.DBInstanceArn!), tags => tags.GetValueOrDefault("team") == "billing" && !tags.ContainsKey("cost-center") && !tags.ContainsKey("added-by-hand"),
            "the instance's tags to follow the spec");
        Assert.Equal(DataServicesOperator.ClusterName, after[OwnershipTags.ClusterKey]);
        Assert.Equal(Namespace, after[OwnershipTags.NamespaceKey]);
        Assert.Equal("tagged-db", after[OwnershipTags.NameKey]);
        Assert.True(after.ContainsKey(OwnershipTags.UidKey));
        await ReadyAsync("tagged-db", generation: 2);
    }

    private async Task<Dictionary<string, string>> TagsAsync(string arn) =>
        ((await _aws.Rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, CancellationToken.None)).TagList ?? [])
            .ToDictionary(tag => tag.Key, tag => tag.Value ?? "", StringComparer.Ordinal);

    [Fact]
    public async Task Snapshot_takes_a_final_snapshot_with_the_deterministic_name_and_keeps_the_password()
    {
        await _operator.ApplyAsync(Databases, Database("ledger", "Snapshot"));
        var ready = await ReadyAsync("ledger");
        var password = await MasterPasswordAsync("ledger");

        await _operator.Client.DeleteAsync(Databases, Namespace, "ledger");
        await _operator.WaitForGoneAsync(Databases, Namespace, "ledger");

        Assert.Null(await InstanceAsync("ledger"));
        var snapshotId = AwsNames.DbFinalSnapshotId(DataServicesOperator.ClusterName, Identity("ledger", ready["metadata"]!["uid"]!.GetValue<string>()));
        Assert.Contains(snapshotId, await MotoRds.SnapshotIdentifiersAsync(moto.Moto.Endpoint, MotoFixture.Region));
        Assert.Equal(password, await MasterPasswordAsync("ledger"));
    }

    [Fact]
    public async Task Retain_leaves_the_instance_running()
    {
        await _operator.ApplyAsync(Databases, Database("archive", "Retain"));
        await ReadyAsync("archive");

        await _operator.Client.DeleteAsync(Databases, Namespace, "archive");
        await _operator.WaitForGoneAsync(Databases, Namespace, "archive");

        Assert.Equal("available", (await InstanceAsync("archive"))?.DBInstanceStatus);
    }

    [Fact]
    public async Task Deletion_protection_blocks_the_deletion_until_it_is_lifted()
    {
        await _operator.ApplyAsync(Databases, Database("guarded", "Delete", spec => spec["deletionProtection"] = true));
        await ReadyAsync("guarded");

        await _operator.Client.DeleteAsync(Databases, Namespace, "guarded");
        var blocked = await _operator.WaitForAsync(Databases, Namespace, "guarded", obj => DataServicesOperator.Condition(obj, ConditionReasons.DeletionBlocked) is not null, "DeletionBlocked");
        Assert.Equal("True", DataServicesOperator.Condition(blocked, ConditionReasons.DeletionBlocked)!["status"]!.GetValue<string>());
        Assert.NotNull(await InstanceAsync("guarded"));

        await _operator.ApplyAsync(Databases, Database("guarded", "Delete", spec => spec["deletionProtection"] = false));
        await _operator.WaitForGoneAsync(Databases, Namespace, "guarded");
        Assert.Null(await InstanceAsync("guarded"));
    }

    [Fact]
    public async Task A_crash_right_after_the_create_reached_aws_leaves_exactly_one_instance()
    {
        // Once CreateDBInstance has reached moto, every later RDS call hangs, so the operator is stopped mid-flight.
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromSeconds(60))) { Service = "rds", AfterOperation = "CreateDBInstance", Times = 100 });
        await _operator.ApplyAsync(Databases, Database("crashy", "Delete"));
        await Eventually.ReturnsAsync(() => Task.FromResult(moto.Proxy.Count("rds", "CreateDBInstance")), count => count >= 1, "CreateDBInstance to reach moto");
        await _operator.StopOperatorAsync();
        moto.Proxy.ClearFaults();

        await _operator.StartOperatorAsync();
        await ReadyAsync("crashy");

        var all = await _aws.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest(), CancellationToken.None);
        Assert.Single(all.DBInstances!, instance => instance.DBInstanceIdentifier == InstanceId("crashy"));
        Assert.Equal(await MasterPasswordAsync("crashy"), (await _operator.SecretDataAsync(Namespace, "crashy-connection"))["password"]);
    }

    [Fact]
    public async Task An_instance_tagged_for_another_owner_is_never_modified_or_deleted()
    {
        await _aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = InstanceId("contested"),
            DBInstanceClass = "db.t3.large",
            Engine = "postgres",
            MasterUsername = "someone",
            MasterUserPassword = "Foreign-password-123",
            AllocatedStorage = 20,
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = Namespace }, new AwsTag { Key = OwnershipTags.NameKey, Value = "contested" }],
        }, CancellationToken.None);

        await _operator.ApplyAsync(Databases, Database("contested", "Delete"));
        await _operator.WaitForAsync(Databases, Namespace, "contested", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(Databases, Namespace, "contested");
        await _operator.WaitForGoneAsync(Databases, Namespace, "contested");

        var instance = await InstanceAsync("contested");
        Assert.Equal("db.t3.large", instance?.DBInstanceClass);
        Assert.Equal("available", instance?.DBInstanceStatus);
        Assert.Equal(0, moto.Proxy.Count("rds", "ModifyDBInstance"));
        Assert.Equal(0, moto.Proxy.Count("rds", "DeleteDBInstance"));
        Assert.Null(await _operator.GetAsync(ResourceTypes.Secrets, Namespace, "contested-connection"));
    }
}
