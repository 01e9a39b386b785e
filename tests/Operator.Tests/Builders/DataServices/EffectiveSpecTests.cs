using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class EffectiveSpecTests
{
    [Theory]
    [InlineData(DatabaseEngine.Postgres, "16", "postgres16", "db.t4g.micro", 5432)]
    [InlineData(DatabaseEngine.MySql, "8.0", "mysql8.0", "db.t4g.micro", 3306)]
    [InlineData(DatabaseEngine.AuroraPostgreSql, "16", "aurora-postgresql16", "db.t4g.medium", 5432)]
    [InlineData(DatabaseEngine.AuroraMySql, "8.0", "aurora-mysql8.0", "db.t4g.medium", 3306)]
    public void Database_defaults_depend_on_the_engine(DatabaseEngine engine, string version, string family, string instanceClass, int port)
    {
        var spec = new ManagedDatabaseSpec { Engine = engine };

        Assert.Equal(version, EffectiveDatabase.Version(spec));
        Assert.Equal(family, EffectiveDatabase.ParameterGroupFamily(spec));
        Assert.Equal(instanceClass, EffectiveDatabase.InstanceClass(spec));
        Assert.Equal(port, EffectiveDatabase.Port(spec));
        Assert.Equal("dbadmin", EffectiveDatabase.MasterUsername(spec));
    }

    [Theory]
    [InlineData(DatabaseEngine.Postgres, "9.6.24", "postgres9.6")]
    [InlineData(DatabaseEngine.Postgres, "15.8", "postgres15")]
    [InlineData(DatabaseEngine.MySql, "8.4.3", "mysql8.4")]
    [InlineData(DatabaseEngine.AuroraMySql, "5.7", "aurora-mysql5.7")]
    public void Parameter_group_family_follows_the_version(DatabaseEngine engine, string version, string family) =>
        Assert.Equal(family, EffectiveDatabase.ParameterGroupFamily(new ManagedDatabaseSpec { Engine = engine, Version = version }));

    [Fact]
    public void Serverless_aurora_instances_are_db_serverless()
    {
        var spec = new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraMySql, Serverless = new ServerlessCapacity { MinCapacity = 0.5, MaxCapacity = 4 } };

        Assert.Equal("db.serverless", EffectiveDatabase.InstanceClass(spec));
    }

    [Fact]
    public void Aurora_keeps_backups_for_at_least_a_day()
    {
        Assert.Equal(1, EffectiveDatabase.BackupRetentionDays(new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraMySql, Backup = new BackupSpec { RetentionDays = 0 } }));
        Assert.Equal(0, EffectiveDatabase.BackupRetentionDays(new ManagedDatabaseSpec { Engine = DatabaseEngine.MySql, Backup = new BackupSpec { RetentionDays = 0 } }));
        Assert.Equal(7, EffectiveDatabase.BackupRetentionDays(new ManagedDatabaseSpec { Engine = DatabaseEngine.MySql }));
    }

    [Theory]
    [InlineData(CacheMode.Standalone, null, null, 0, false)]
    [InlineData(CacheMode.Replicated, null, null, 1, true)]
    [InlineData(CacheMode.Replicated, 0, null, 0, false)]
    [InlineData(CacheMode.Replicated, 2, false, 2, false)]
    [InlineData(CacheMode.Cluster, 0, null, 0, true)]
    public void Cache_replicas_and_failover_depend_on_the_mode(CacheMode mode, int? replicas, bool? failover, int expectedReplicas, bool expectedFailover)
    {
        var spec = new ManagedCacheSpec { Mode = mode, ReplicasPerShard = replicas, AutomaticFailover = failover };

        Assert.Equal(expectedReplicas, EffectiveCache.ReplicasPerShard(spec));
        Assert.Equal(expectedFailover, EffectiveCache.AutomaticFailover(spec));
    }

    [Fact]
    public void Cache_version_defaults_per_engine()
    {
        Assert.Equal("7.1", EffectiveCache.Version(new ManagedCacheSpec()));
        Assert.Equal("7.2", EffectiveCache.Version(new ManagedCacheSpec { Engine = CacheEngine.Valkey }));
    }

    [Fact]
    public void Bus_defaults_depend_on_the_engine_and_provider()
    {
        var kafka = new MessageBusSpec { Engine = BusEngine.Kafka };
        var rabbit = new MessageBusSpec { Engine = BusEngine.RabbitMq };
        var inClusterContext = Context with { DefaultProvider = Provider.InCluster };

        Assert.Equal(Provider.Aws, EffectiveBus.Provider(kafka, Context));
        Assert.Equal(Provider.InCluster, EffectiveBus.Provider(kafka, inClusterContext));
        Assert.Equal(Provider.InCluster, EffectiveBus.Provider(rabbit, Context));
        Assert.Equal("3.6.0", EffectiveBus.Version(kafka));
        Assert.Equal("3.12", EffectiveBus.Version(rabbit));
        Assert.Equal(3, EffectiveBus.Brokers(kafka));
        Assert.Equal(1, EffectiveBus.Brokers(rabbit));
        Assert.Equal(BusAuthentication.Iam, EffectiveBus.Authentication(kafka, Context));
        Assert.Equal(BusAuthentication.None, EffectiveBus.Authentication(kafka, inClusterContext));
        Assert.Equal(9098, EffectiveBus.ClientPort(kafka, Context));
        Assert.Equal(9096, EffectiveBus.ClientPort(kafka with { Authentication = BusAuthentication.Scram }, Context));
        Assert.Equal(9092, EffectiveBus.ClientPort(kafka, inClusterContext));
        Assert.Equal(5672, EffectiveBus.ClientPort(rabbit, Context));
    }

    [Fact]
    public void Topic_replication_defaults_to_at_most_three_and_is_three_on_serverless()
    {
        var topic = new TopicSpec { Name = "t" };

        Assert.Equal(1, EffectiveBus.ReplicationFactor(topic, new MessageBusSpec { Engine = BusEngine.Kafka, Brokers = 1 }));
        Assert.Equal(3, EffectiveBus.ReplicationFactor(topic, new MessageBusSpec { Engine = BusEngine.Kafka, Brokers = 6 }));
        Assert.Equal(3, EffectiveBus.ReplicationFactor(topic with { ReplicationFactor = 2 }, new MessageBusSpec { Engine = BusEngine.Kafka, Serverless = true }));
    }

    [Theory]
    [InlineData("3.6.0", "apache/kafka:3.7.1")]
    [InlineData("2.8", "apache/kafka:3.7.1")]
    [InlineData("3.7", "apache/kafka:3.7.1")]
    [InlineData("3.9.1", "apache/kafka:3.9.1")]
    public void Kafka_versions_map_to_published_apache_images(string version, string image) =>
        Assert.Equal(image, InClusterImages.Kafka(version).Reference);

    [Theory]
    [InlineData(CacheEngine.Redis, "7.1", "redis:7.2")]
    [InlineData(CacheEngine.Redis, "6.2", "redis:6.2")]
    [InlineData(CacheEngine.Valkey, "8.0", "valkey/valkey:8.0")]
    public void Cache_versions_map_to_official_images(CacheEngine engine, string version, string image) =>
        Assert.Equal(image, InClusterImages.Redis(engine, version).Reference);
}
