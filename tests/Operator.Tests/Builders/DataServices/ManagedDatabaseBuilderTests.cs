using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class ManagedDatabaseBuilderTests
{
    private readonly RecordingSecrets secrets = new();

    /// <summary>Wallet: Aurora MySQL, a writer and two db.r6g.large readers, in the operator's own subnets.</summary>
    private static ManagedDatabase WalletLedger() => Database("ledger", new ManagedDatabaseSpec
    {
        Engine = DatabaseEngine.AuroraMySql,
        Version = "8.0",
        Provider = Provider.Aws,
        InstanceClass = "db.r6g.large",
        Replicas = 2,
        HighAvailability = true,
        Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
        Tags = new() { ["team"] = "wallet" },
        Backup = new BackupSpec { RetentionDays = 14, Window = "02:00-03:00" },
        DeletionProtection = true,
        Monitoring = new DatabaseMonitoring { IntervalSeconds = 0, PerformanceInsights = true, LogExports = ["error", "slowquery"] },
    }, ns: "wallet");

    /// <summary>Cloud-Design: one RDS PostgreSQL 15 db.t3.micro holding inventory and billing.</summary>
    private static ManagedDatabase CloudDesignDatabase() => Database("cloud-design-db", new ManagedDatabaseSpec
    {
        Engine = DatabaseEngine.Postgres,
        Version = "15",
        Provider = Provider.Aws,
        InstanceClass = "db.t3.micro",
        Databases = ["inventory", "billing"],
        Storage = new DatabaseStorage { SizeGiB = 20, Type = StorageType.Gp3, MaxSizeGiB = 100 },
        Backup = new BackupSpec { RetentionDays = 7 },
        Monitoring = new DatabaseMonitoring { IntervalSeconds = 0 },
        DeletionPolicy = DeletionPolicy.Snapshot,
    }, ns: "cloud-design");

    [Fact]
    public void Wallet_aurora_mysql_creates_subnet_group_secret_cluster_writer_and_two_readers_in_order()
    {
        var state = ManagedDatabaseBuilder.Build(WalletLedger(), Context, secrets);

        Assert.Equal(["CreateDBSubnetGroup", "CreateSecret", "CreateDBCluster", "CreateDBInstance", "CreateDBInstance", "CreateDBInstance"], state.Operations());
        var owner = Identity("ManagedDatabase", "ledger", "wallet");
        var clusterId = AwsNames.DbClusterId(Context.ClusterName, owner);
        var cluster = state.Call("CreateDBCluster");
        Assert.Equal(clusterId, cluster.Text("DBClusterIdentifier"));
        Assert.Equal("aurora-mysql", cluster.Text("Engine"));
        Assert.Equal("8.0", cluster.Text("EngineVersion"));
        Assert.Equal(AwsNames.DbSubnetGroupName(Context.ClusterName, owner), cluster.Text("DBSubnetGroupName"));
        Assert.True((bool)cluster.Parameters["StorageEncrypted"]!);
        Assert.True((bool)cluster.Parameters["DeletionProtection"]!);
        Assert.Equal(14, (int)cluster.Parameters["BackupRetentionPeriod"]!);
        Assert.Equal("02:00-03:00", cluster.Text("PreferredBackupWindow"));
        Assert.Equal(["error", "slowquery"], cluster.Parameters["EnableCloudwatchLogsExports"]!.AsArray().Select(x => (string)x!));
        Assert.Null(cluster.Parameters["ServerlessV2ScalingConfiguration"]);

        var instances = state.Calls("CreateDBInstance");
        Assert.All(instances, instance =>
        {
            Assert.Equal(clusterId, instance.Text("DBClusterIdentifier"));
            Assert.Equal("db.r6g.large", instance.Text("DBInstanceClass"));
            Assert.Equal("aurora-mysql", instance.Text("Engine"));
            Assert.True((bool)instance.Parameters["EnablePerformanceInsights"]!);
            Assert.Null(instance.Parameters["MasterUserPassword"]);
        });
        Assert.Equal([clusterId + "-w", clusterId + "-r1", clusterId + "-r2"], instances.Select(i => i.Text("DBInstanceIdentifier")));
        Assert.Equal([0, 1, 1], instances.Select(i => (int)i.Parameters["PromotionTier"]!));
        Assert.All(state.AwsCalls, call => Assert.Equal("ap-south-1", call.Region));
        Assert.All(state.AwsCalls, call => Assert.Equal("wallet/ledger", call.Resource));
    }

    [Fact]
    public void The_master_password_goes_to_secrets_manager_the_cluster_and_the_connection_secret_only()
    {
        var state = ManagedDatabaseBuilder.Build(WalletLedger(), Context, secrets);
        var owner = Identity("ManagedDatabase", "ledger", "wallet");
        var password = secrets.ValueFor(owner, SecretPurposes.MasterPassword);

        var createSecret = state.Call("CreateSecret");
        Assert.Equal("skyforge/prod-eks/wallet/ledger/master-credentials", createSecret.Text("Name"));
        Assert.Equal(AwsNames.ClientRequestToken(Context.ClusterName, owner, "master-credentials"), createSecret.Text("ClientRequestToken"));
        var stored = JsonNode.Parse(createSecret.Text("SecretString"))!;
        Assert.Equal("dbadmin", (string?)stored["username"]);
        Assert.Equal(password, (string?)stored["password"]);
        Assert.Equal(password, state.Call("CreateDBCluster").Text("MasterUserPassword"));
        Assert.Equal(password, state.Single("Secret").StringData()["password"]);
        Assert.Equal(32, password.Length);
    }

    [Fact]
    public void Every_aws_resource_carries_the_ownership_tags_and_the_user_tags()
    {
        var resource = WalletLedger();
        resource.Spec = resource.Spec with { Parameters = new() { ["max_connections"] = "500" } };
        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);
        var owner = Identity("ManagedDatabase", "ledger", "wallet");

        var creates = state.AwsCalls.Where(call => call.Operation.StartsWith("Create", StringComparison.Ordinal)).ToList();
        Assert.Equal(state.AwsCalls.Count - 1, creates.Count);
        Assert.All(creates, call =>
        {
            var tags = call.Tags();
            Assert.Equal("prod-eks", tags[OwnershipTags.ClusterKey]);
            Assert.Equal("wallet", tags[OwnershipTags.NamespaceKey]);
            Assert.Equal("ledger", tags[OwnershipTags.NameKey]);
            Assert.Equal(owner.Uid, tags[OwnershipTags.UidKey]);
            Assert.Equal("wallet", tags["team"]);
        });
    }

    [Fact]
    public void Before_aws_reports_endpoints_the_connection_secret_says_so_and_afterwards_holds_them()
    {
        var pending = ManagedDatabaseBuilder.Build(WalletLedger(), Context, secrets).Single("Secret").StringData();
        Assert.Equal(ConnectionEndpoints.Pending, pending["host"]);
        Assert.Equal(ConnectionEndpoints.Pending, pending["readerHost"]);
        Assert.Equal(ConnectionEndpoints.Pending, pending["uri"]);

        var observed = new ConnectionEndpoints { Host = "ledger.cluster-abc.ap-south-1.rds.amazonaws.com", ReaderHost = "ledger.cluster-ro-abc.ap-south-1.rds.amazonaws.com" };
        var ready = ManagedDatabaseBuilder.Build(WalletLedger(), Context, secrets, observed, monitoringRoleArn: null).Single("Secret");
        var data = ready.StringData();
        var password = secrets.ValueFor(Identity("ManagedDatabase", "ledger", "wallet"), SecretPurposes.MasterPassword);
        Assert.Equal("ledger-connection", ready.Name());
        Assert.Equal("mysql", data["type"]);
        Assert.Equal("aws", data["provider"]);
        Assert.Equal("aurora-mysql", data["engine"]);
        Assert.Equal(observed.Host, data["host"]);
        Assert.Equal("3306", data["port"]);
        Assert.Equal("dbadmin", data["username"]);
        Assert.Equal("ledger", data["database"]);
        Assert.Equal(observed.ReaderHost, data["readerHost"]);
        Assert.Equal($"mysql://dbadmin:{password}@{observed.Host}:3306/ledger", data["uri"]);
    }

    [Fact]
    public void Shangwellness_aurora_serverless_runs_db_serverless_instances_within_the_capacity_range()
    {
        var resource = Database("shangwellness", new ManagedDatabaseSpec
        {
            Engine = DatabaseEngine.AuroraMySql,
            Version = "8.0",
            Serverless = new ServerlessCapacity { MinCapacity = 0.5, MaxCapacity = 8 },
            MasterUsername = "admin",
            Databases = ["shangwellness_prod"],
            Network = new NetworkSpec { SubnetGroupName = "shangwellness-db-subnets" },
        });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        Assert.Equal(["CreateSecret", "CreateDBCluster", "CreateDBInstance"], state.Operations());
        var cluster = state.Call("CreateDBCluster");
        Assert.Equal(0.5, (double)cluster.Parameters["ServerlessV2ScalingConfiguration"]!["MinCapacity"]!);
        Assert.Equal(8, (double)cluster.Parameters["ServerlessV2ScalingConfiguration"]!["MaxCapacity"]!);
        Assert.Equal("shangwellness-db-subnets", cluster.Text("DBSubnetGroupName"));
        Assert.Equal("shangwellness_prod", cluster.Text("DatabaseName"));
        Assert.Equal("admin", cluster.Text("MasterUsername"));
        Assert.Equal("db.serverless", state.Call("CreateDBInstance").Text("DBInstanceClass"));
    }

    [Fact]
    public void Aurora_with_high_availability_and_no_replicas_gets_one_reader_to_fail_over_to()
    {
        var resource = Database("orders", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraPostgreSql, HighAvailability = true, Replicas = 0 });

        var instances = ManagedDatabaseBuilder.Build(resource, Context, secrets).Calls("CreateDBInstance");

        Assert.Equal(2, instances.Count);
        Assert.Equal("db.t4g.medium", instances[0].Text("DBInstanceClass"));
        Assert.Equal("16", ManagedDatabaseBuilder.Build(resource, Context, secrets).Call("CreateDBCluster").Text("EngineVersion"));
    }

    [Fact]
    public void Cloud_design_postgres_15_rds_instance_with_storage_autoscaling()
    {
        var state = ManagedDatabaseBuilder.Build(CloudDesignDatabase(), Context, secrets);

        Assert.Equal(["CreateSecret", "CreateDBInstance"], state.Operations());
        var instance = state.Call("CreateDBInstance");
        var owner = Identity("ManagedDatabase", "cloud-design-db", "cloud-design");
        Assert.Equal(AwsNames.DbInstanceId(Context.ClusterName, owner), instance.Text("DBInstanceIdentifier"));
        Assert.Equal("postgres", instance.Text("Engine"));
        Assert.Equal("15", instance.Text("EngineVersion"));
        Assert.Equal("db.t3.micro", instance.Text("DBInstanceClass"));
        Assert.Equal("inventory", instance.Text("DBName"));
        Assert.Equal(20, (int)instance.Parameters["AllocatedStorage"]!);
        Assert.Equal(100, (int)instance.Parameters["MaxAllocatedStorage"]!);
        Assert.Equal("gp3", instance.Text("StorageType"));
        Assert.True((bool)instance.Parameters["StorageEncrypted"]!);
        Assert.False((bool)instance.Parameters["MultiAZ"]!);
        Assert.False((bool)instance.Parameters["PubliclyAccessible"]!);
        Assert.Equal(0, (int)instance.Parameters["MonitoringInterval"]!);
        Assert.Null(instance.Parameters["MonitoringRoleArn"]);
        Assert.Null(instance.Parameters["KmsKeyId"]);
        Assert.Null(instance.Parameters["DBSubnetGroupName"]);
        Assert.Equal(secrets.ValueFor(owner, SecretPurposes.MasterPassword), instance.Text("MasterUserPassword"));
    }

    [Fact]
    public void Cloud_design_databases_are_created_by_a_psql_job_reading_the_connection_secret()
    {
        var state = ManagedDatabaseBuilder.Build(CloudDesignDatabase(), Context, secrets);

        Assert.Equal(["Secret", "ConfigMap", "Job"], state.Kinds());
        var job = state.Single("Job");
        var sql = (string)state.Single("ConfigMap")["data"]!["databases.sql"]!;
        Assert.Equal(DatabaseSetupSql.ForPostgres(["inventory", "billing"]), sql);
        var container = job.Container();
        Assert.Equal("postgres:15", (string?)container["image"]);
        Assert.Equal(["psql", "-v", "ON_ERROR_STOP=1", "--no-psqlrc", "-f", "/etc/skyforge/sql/databases.sql"], container["command"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(("cloud-design-db-connection", "host"), container.SecretRef("PGHOST"));
        Assert.Equal(("cloud-design-db-connection", "password"), container.SecretRef("PGPASSWORD"));
        Assert.Equal(("cloud-design-db-connection", "username"), container.SecretRef("PGUSER"));
        var sqlVolume = Assert.Single(job.PodSpec()["volumes"]!.AsArray(), volume => volume!["configMap"] is not null)!;
        Assert.Equal(state.Single("ConfigMap").Name(), (string?)sqlVolume["configMap"]!["name"]);
        Assert.Equal("OnFailure", (string?)job.PodSpec()["restartPolicy"]);
    }

    [Fact]
    public void A_changed_database_list_gets_a_new_job_because_a_job_cannot_change()
    {
        var before = ManagedDatabaseBuilder.Build(CloudDesignDatabase(), Context, secrets).Single("Job").Name();
        var resource = CloudDesignDatabase();
        resource.Spec = resource.Spec with { Databases = ["inventory", "billing", "shipping"] };

        var after = ManagedDatabaseBuilder.Build(resource, Context, secrets).Single("Job").Name();

        Assert.NotEqual(before, after);
        Assert.StartsWith("cloud-design-db-databases-", after);
        Assert.True(after.Length <= 63);
    }

    [Fact]
    public void Portfolio_postgres_backups_windows_protection_and_enhanced_monitoring()
    {
        var resource = Database("portfolio-db", new ManagedDatabaseSpec
        {
            Engine = DatabaseEngine.Postgres,
            Version = "16.3",
            InstanceClass = "db.t4g.micro",
            Storage = new DatabaseStorage { SizeGiB = 20, Type = StorageType.Gp3 },
            Backup = new BackupSpec { RetentionDays = 7, Window = "03:00-04:00" },
            MaintenanceWindow = "mon:04:00-mon:05:00",
            DeletionProtection = true,
            HighAvailability = true,
            Replicas = 1,
            Encryption = new DatabaseEncryption { KmsKeyId = "arn:aws:kms:ap-south-1:123456789012:key/abcd" },
            Monitoring = new DatabaseMonitoring { IntervalSeconds = 60, PerformanceInsights = true, LogExports = ["postgresql"] },
            Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
        });
        const string role = "arn:aws:iam::123456789012:role/rds-monitoring";

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets, ConnectionEndpoints.None, role);

        Assert.Equal(["CreateDBSubnetGroup", "CreateSecret", "CreateDBInstance", "CreateDBInstanceReadReplica"], state.Operations());
        var instance = state.Call("CreateDBInstance");
        Assert.Equal("03:00-04:00", instance.Text("PreferredBackupWindow"));
        Assert.Equal("mon:04:00-mon:05:00", instance.Text("PreferredMaintenanceWindow"));
        Assert.Equal(7, (int)instance.Parameters["BackupRetentionPeriod"]!);
        Assert.True((bool)instance.Parameters["DeletionProtection"]!);
        Assert.True((bool)instance.Parameters["MultiAZ"]!);
        Assert.Equal(60, (int)instance.Parameters["MonitoringInterval"]!);
        Assert.Equal(role, instance.Text("MonitoringRoleArn"));
        Assert.True((bool)instance.Parameters["EnablePerformanceInsights"]!);
        Assert.Equal("arn:aws:kms:ap-south-1:123456789012:key/abcd", instance.Text("KmsKeyId"));
        Assert.Equal(["sg-0a1b2c3d4e5f67890"], instance.Parameters["VpcSecurityGroupIds"]!.AsArray().Select(x => (string)x!));
        var subnetGroup = state.Call("CreateDBSubnetGroup");
        Assert.Equal(subnetGroup.Text("DBSubnetGroupName"), instance.Text("DBSubnetGroupName"));
        Assert.Equal(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], subnetGroup.Parameters["SubnetIds"]!.AsArray().Select(x => (string)x!));

        var replica = state.Call("CreateDBInstanceReadReplica");
        Assert.Equal(instance.Text("DBInstanceIdentifier"), replica.Text("SourceDBInstanceIdentifier"));
        Assert.Equal(instance.Text("DBInstanceIdentifier") + "-r1", replica.Text("DBInstanceIdentifier"));
        Assert.Equal(role, replica.Text("MonitoringRoleArn"));
        Assert.Null(replica.Parameters["MasterUserPassword"]);
    }

    [Fact]
    public void Enhanced_monitoring_without_a_role_shows_what_is_missing()
    {
        var resource = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.MySql, Monitoring = new DatabaseMonitoring { IntervalSeconds = 30 } });

        var instance = ManagedDatabaseBuilder.Build(resource, Context, secrets).Call("CreateDBInstance");

        Assert.Equal(ManagedDatabaseBuilder.MonitoringRolePlaceholder, instance.Text("MonitoringRoleArn"));
    }

    [Fact]
    public void Parameters_become_a_parameter_group_modified_twenty_at_a_time()
    {
        var parameters = Enumerable.Range(1, 25).ToDictionary(i => $"param_{i:D2}", i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rds = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, Version = "16.3", Parameters = parameters });
        var aurora = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraMySql, Parameters = new() { ["binlog_format"] = "ROW" } });

        var rdsState = ManagedDatabaseBuilder.Build(rds, Context, secrets);
        var auroraState = ManagedDatabaseBuilder.Build(aurora, Context, secrets);

        Assert.Equal(["CreateDBParameterGroup", "ModifyDBParameterGroup", "ModifyDBParameterGroup", "CreateSecret", "CreateDBInstance"], rdsState.Operations());
        var group = rdsState.Call("CreateDBParameterGroup");
        Assert.Equal("postgres16", group.Text("DBParameterGroupFamily"));
        var modifications = rdsState.Calls("ModifyDBParameterGroup");
        Assert.Equal([20, 5], modifications.Select(m => m.Parameters["Parameters"]!.AsArray().Count));
        Assert.All(modifications, m => Assert.Equal(group.Text("DBParameterGroupName"), m.Text("DBParameterGroupName")));
        var first = modifications[0].Parameters["Parameters"]![0]!;
        Assert.Equal("param_01", (string?)first["ParameterName"]);
        Assert.Equal("1", (string?)first["ParameterValue"]);
        Assert.Equal("pending-reboot", (string?)first["ApplyMethod"]);
        Assert.Equal(group.Text("DBParameterGroupName"), rdsState.Call("CreateDBInstance").Text("DBParameterGroupName"));

        Assert.Equal(["CreateDBClusterParameterGroup", "ModifyDBClusterParameterGroup", "CreateSecret", "CreateDBCluster", "CreateDBInstance"], auroraState.Operations());
        Assert.Equal("aurora-mysql8.0", auroraState.Call("CreateDBClusterParameterGroup").Text("DBParameterGroupFamily"));
        Assert.Equal(auroraState.Call("CreateDBClusterParameterGroup").Text("DBClusterParameterGroupName"), auroraState.Call("CreateDBCluster").Text("DBClusterParameterGroupName"));
    }

    [Fact]
    public void Spec_region_overrides_the_operator_default()
    {
        var resource = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, Region = "eu-west-1" });

        Assert.All(ManagedDatabaseBuilder.Build(resource, Context, secrets).AwsCalls, call => Assert.Equal("eu-west-1", call.Region));
    }

    [Fact]
    public void The_default_database_is_named_after_the_resource_in_characters_databases_allow()
    {
        var resource = Database("orders-db.v2", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        Assert.Equal("orders_db_v2", state.Call("CreateDBInstance").Text("DBName"));
        Assert.Equal("orders_db_v2", state.OfKind("Secret")[0].StringData()["database"]);
    }

    [Fact]
    public void In_cluster_postgres_is_a_statefulset_behind_headless_and_client_services()
    {
        var resource = Database("catalog", new ManagedDatabaseSpec
        {
            Engine = DatabaseEngine.Postgres,
            Version = "16.3",
            Provider = Provider.InCluster,
            Databases = ["catalog", "search"],
            Resources = new InClusterResources { Cpu = "250m", Memory = "512Mi", StorageGiB = 5 },
            DeletionPolicy = DeletionPolicy.Delete,
        });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        Assert.Empty(state.AwsCalls);
        Assert.Equal(["Secret", "Secret", "Service", "Service", "StatefulSet", "ConfigMap", "Job"], state.Kinds());
        var credentials = state.Named("Secret", "catalog-credentials").StringData();
        var password = secrets.ValueFor(Identity("ManagedDatabase", "catalog"), SecretPurposes.MasterPassword);
        Assert.Equal(password, credentials["password"]);
        var connection = state.Named("Secret", "catalog-connection").StringData();
        Assert.Equal("catalog.shop.svc", connection["host"]);
        Assert.Equal("5432", connection["port"]);
        Assert.Equal("inCluster", connection["provider"]);
        Assert.Equal($"postgresql://dbadmin:{password}@catalog.shop.svc:5432/catalog", connection["uri"]);

        var headless = state.Named("Service", "catalog-headless");
        Assert.Equal("None", (string?)headless["spec"]!["clusterIP"]);
        var statefulSet = state.Single("StatefulSet");
        Assert.Equal("catalog-headless", (string?)statefulSet["spec"]!["serviceName"]);
        Assert.Equal("Delete", (string?)statefulSet["spec"]!["persistentVolumeClaimRetentionPolicy"]!["whenDeleted"]);
        var container = statefulSet.Container();
        Assert.Equal("postgres:16.3", (string?)container["image"]);
        Assert.Equal(("catalog-credentials", "password"), container.SecretRef("POSTGRES_PASSWORD"));
        Assert.Equal("catalog", (string?)container.Env("POSTGRES_DB")["value"]);
        Assert.Equal("250m", (string?)container["resources"]!["requests"]!["cpu"]);
        Assert.Equal("512Mi", (string?)container["resources"]!["limits"]!["memory"]);
        Assert.Contains("pg_isready", container["readinessProbe"]!["exec"]!["command"]!.AsArray().Select(x => (string)x!));
        Assert.NotNull(container["livenessProbe"]);
        var claim = statefulSet["spec"]!["volumeClaimTemplates"]![0]!;
        Assert.Equal("5Gi", (string?)claim["spec"]!["resources"]!["requests"]!["storage"]);
        Assert.Null(claim["spec"]!["storageClassName"]);

        var selector = statefulSet["spec"]!["selector"]!["matchLabels"]!.AsObject();
        Assert.All(state.OfKind("Service"), service => Assert.True(JsonNode.DeepEquals(selector, service["spec"]!["selector"])));
        var jobLabels = state.Single("Job").PodSpec().Parent!["metadata"]!["labels"]!.AsObject();
        Assert.False(selector.All(label => (string?)jobLabels[label.Key] == (string?)label.Value), "the Job's pod must not match the database Services");
    }

    [Fact]
    public void In_cluster_mysql_creates_databases_as_root_and_grants_them_to_the_master_user()
    {
        var resource = Database("billing", new ManagedDatabaseSpec
        {
            Engine = DatabaseEngine.MySql,
            Version = "8.0",
            Provider = Provider.InCluster,
            Databases = ["billing", "audit"],
        });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        var owner = Identity("ManagedDatabase", "billing");
        var credentials = state.Named("Secret", "billing-credentials").StringData();
        Assert.Equal(secrets.ValueFor(owner, SecretPurposes.RootPassword), credentials["root-password"]);
        var server = state.Single("StatefulSet").Container();
        Assert.Equal("mysql:8.0", (string?)server["image"]);
        Assert.Equal(("billing-credentials", "root-password"), server.SecretRef("MYSQL_ROOT_PASSWORD"));
        Assert.Equal(("billing-credentials", "password"), server.SecretRef("MYSQL_PASSWORD"));
        Assert.Equal("dbadmin", (string?)server.Env("MYSQL_USER")["value"]);
        Assert.Equal("Retain", (string?)state.Single("StatefulSet")["spec"]!["persistentVolumeClaimRetentionPolicy"]!["whenDeleted"]);

        var job = state.Single("Job").Container();
        Assert.Equal("root", (string?)job.Env("DB_USERNAME")["value"]);
        Assert.Equal(("billing-credentials", "root-password"), job.SecretRef("DB_PASSWORD"));
        Assert.Contains("--defaults-extra-file=/tmp/client.cnf", job.Script(), StringComparison.Ordinal);
        Assert.Equal(DatabaseSetupSql.ForMySql(["billing", "audit"], "dbadmin"), (string)state.Single("ConfigMap")["data"]!["databases.sql"]!);
    }

    [Fact]
    public void Rds_mysql_databases_job_connects_as_the_master_user()
    {
        var resource = Database("billing", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraMySql, Databases = ["billing", "audit"] });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        var job = state.Single("Job").Container();
        Assert.Equal("mysql:8.0", (string?)job["image"]);
        Assert.Equal(("billing-connection", "username"), job.SecretRef("DB_USERNAME"));
        Assert.Equal(("billing-connection", "password"), job.SecretRef("DB_PASSWORD"));
        Assert.Equal(DatabaseSetupSql.ForMySql(["billing", "audit"], grantTo: null), (string)state.Single("ConfigMap")["data"]!["databases.sql"]!);
    }

    [Fact]
    public void Aurora_runs_on_aws_whatever_the_default_provider_and_in_cluster_is_refused()
    {
        var unset = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraPostgreSql });
        var inCluster = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraPostgreSql, Provider = Provider.InCluster });
        var context = Context with { DefaultProvider = Provider.InCluster };

        Assert.Equal(["CreateSecret", "CreateDBCluster", "CreateDBInstance"], ManagedDatabaseBuilder.Build(unset, context, secrets).Operations());
        var error = Assert.Throws<ArgumentException>(() => ManagedDatabaseBuilder.Build(inCluster, context, secrets));
        Assert.Contains("aurora-postgresql runs on AWS only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_secret_name_can_be_chosen()
    {
        var resource = Database("db", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, ConnectionSecretName = "app-db" });

        var state = ManagedDatabaseBuilder.Build(resource, Context, secrets);

        Assert.Equal("app-db", state.OfKind("Secret")[0].Name());
        Assert.Equal(("app-db", "host"), state.Single("Job").Container().SecretRef("PGHOST"));
    }
}
