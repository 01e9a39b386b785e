using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class ManagedCacheBuilderTests
{
    private readonly RecordingSecrets secrets = new();

    /// <summary>Wallet: Redis in cluster mode, two replicas per shard, cache.r6g.large.</summary>
    private static ManagedCache WalletSessions() => Cache("sessions", new ManagedCacheSpec
    {
        Engine = CacheEngine.Redis,
        Version = "7.1",
        Provider = Provider.Aws,
        Mode = CacheMode.Cluster,
        NodeType = "cache.r6g.large",
        Shards = 3,
        ReplicasPerShard = 2,
        EvictionPolicy = EvictionPolicy.VolatileLru,
        Encryption = new CacheEncryption { AtRest = true, InTransit = true },
        Auth = new CacheAuth { Enabled = true },
        Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
        Tags = new() { ["team"] = "wallet" },
    }, ns: "wallet");

    [Fact]
    public void Wallet_redis_cluster_mode_with_two_replicas_per_shard()
    {
        var state = ManagedCacheBuilder.Build(WalletSessions(), Context, secrets);

        Assert.Equal(["CreateCacheSubnetGroup", "CreateCacheParameterGroup", "ModifyCacheParameterGroup", "CreateSecret", "CreateReplicationGroup"], state.Operations());
        var owner = Identity("ManagedCache", "sessions", "wallet");
        var group = state.Call("CreateReplicationGroup");
        Assert.Equal(AwsNames.CacheReplicationGroupId(Context.ClusterName, owner), group.Text("ReplicationGroupId"));
        Assert.Equal("redis", group.Text("Engine"));
        Assert.Equal("7.1", group.Text("EngineVersion"));
        Assert.Equal("cache.r6g.large", group.Text("CacheNodeType"));
        Assert.Equal(3, (int)group.Parameters["NumNodeGroups"]!);
        Assert.Equal(2, (int)group.Parameters["ReplicasPerNodeGroup"]!);
        Assert.Null(group.Parameters["NumCacheClusters"]);
        Assert.True((bool)group.Parameters["AutomaticFailoverEnabled"]!);
        Assert.True((bool)group.Parameters["MultiAZEnabled"]!);
        Assert.True((bool)group.Parameters["AtRestEncryptionEnabled"]!);
        Assert.True((bool)group.Parameters["TransitEncryptionEnabled"]!);
        Assert.Equal(secrets.ValueFor(owner, SecretPurposes.AuthToken), group.Text("AuthToken"));
        Assert.Equal(state.Call("CreateCacheSubnetGroup").Text("CacheSubnetGroupName"), group.Text("CacheSubnetGroupName"));
        Assert.Equal(["sg-0a1b2c3d4e5f67890"], group.Parameters["SecurityGroupIds"]!.AsArray().Select(x => (string)x!));

        var parameterGroup = state.Call("CreateCacheParameterGroup");
        Assert.Equal("redis7", parameterGroup.Text("CacheParameterGroupFamily"));
        Assert.Equal(parameterGroup.Text("CacheParameterGroupName"), group.Text("CacheParameterGroupName"));
        var parameters = state.Call("ModifyCacheParameterGroup").Parameters["ParameterNameValues"]!.AsArray()
            .ToDictionary(p => (string)p!["ParameterName"]!, p => (string)p!["ParameterValue"]!);
        Assert.Equal(new Dictionary<string, string> { ["maxmemory-policy"] = "volatile-lru", ["cluster-enabled"] = "yes" }, parameters);

        var creates = state.AwsCalls.Where(call => call.Operation.StartsWith("Create", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, creates.Count);
        Assert.All(creates, call => Assert.Equal("wallet", call.Tags()["team"]));
        Assert.All(creates, call => Assert.Equal("sessions", call.Tags()[OwnershipTags.NameKey]));
    }

    [Fact]
    public void Cluster_mode_connection_secret_points_at_the_configuration_endpoint_over_tls()
    {
        var observed = new ConnectionEndpoints { ConfigurationHost = "clustercfg.sessions.abc.aps1.cache.amazonaws.com" };

        var data = ManagedCacheBuilder.Build(WalletSessions(), Context, secrets, observed).Single("Secret").StringData();

        var token = secrets.ValueFor(Identity("ManagedCache", "sessions", "wallet"), SecretPurposes.AuthToken);
        Assert.Equal("redis", data["type"]);
        Assert.Equal(observed.ConfigurationHost, data["host"]);
        Assert.Equal($"{observed.ConfigurationHost}:6379", data["configurationEndpoint"]);
        Assert.Equal("true", data["tls"]);
        Assert.Equal(token, data["password"]);
        Assert.Equal($"rediss://:{token}@{observed.ConfigurationHost}:6379", data["uri"]);
        Assert.False(data.ContainsKey("readerHost"));
    }

    [Fact]
    public void Auth_token_is_stored_in_secrets_manager_with_an_idempotent_request()
    {
        var state = ManagedCacheBuilder.Build(WalletSessions(), Context, secrets);
        var owner = Identity("ManagedCache", "sessions", "wallet");

        var createSecret = state.Call("CreateSecret");
        Assert.Equal("skyforge/prod-eks/wallet/sessions/auth-token", createSecret.Text("Name"));
        Assert.Equal(AwsNames.ClientRequestToken(Context.ClusterName, owner, "auth-token"), createSecret.Text("ClientRequestToken"));
        var stored = System.Text.Json.Nodes.JsonNode.Parse(createSecret.Text("SecretString"))!;
        Assert.Equal(secrets.ValueFor(owner, SecretPurposes.AuthToken), (string?)stored["password"]);
    }

    [Fact]
    public void Portfolio_redis_replicated_with_five_day_snapshots()
    {
        var resource = Cache("portfolio-cache", new ManagedCacheSpec
        {
            Version = "7.1",
            Mode = CacheMode.Replicated,
            EvictionPolicy = EvictionPolicy.AllKeysLru,
            Snapshot = new CacheSnapshot { RetentionDays = 5, Window = "03:00-05:00" },
        });

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        Assert.Equal(["CreateCacheParameterGroup", "ModifyCacheParameterGroup", "CreateSecret", "CreateReplicationGroup"], state.Operations());
        var group = state.Call("CreateReplicationGroup");
        Assert.Equal(2, (int)group.Parameters["NumCacheClusters"]!);
        Assert.Null(group.Parameters["NumNodeGroups"]);
        Assert.Equal("cache.t4g.micro", group.Text("CacheNodeType"));
        Assert.True((bool)group.Parameters["AutomaticFailoverEnabled"]!);
        Assert.Equal(5, (int)group.Parameters["SnapshotRetentionLimit"]!);
        Assert.Equal("03:00-05:00", group.Text("SnapshotWindow"));
        Assert.Null(group.Parameters["CacheSubnetGroupName"]);
        var parameters = state.Call("ModifyCacheParameterGroup").Parameters["ParameterNameValues"]!.AsArray();
        Assert.Equal("allkeys-lru", (string?)Assert.Single(parameters)!["ParameterValue"]);

        var data = state.Single("Secret").StringData();
        Assert.Equal(ConnectionEndpoints.Pending, data["host"]);
        Assert.Equal(ConnectionEndpoints.Pending, data["readerHost"]);
    }

    [Fact]
    public void Standalone_has_one_node_and_no_failover()
    {
        var resource = Cache("c", new ManagedCacheSpec { Mode = CacheMode.Standalone, Auth = new CacheAuth { Enabled = false }, Encryption = new CacheEncryption { InTransit = false } });

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        var group = state.Call("CreateReplicationGroup");
        Assert.Equal(1, (int)group.Parameters["NumCacheClusters"]!);
        Assert.False((bool)group.Parameters["AutomaticFailoverEnabled"]!);
        Assert.False((bool)group.Parameters["MultiAZEnabled"]!);
        Assert.Null(group.Parameters["AuthToken"]);
        Assert.Empty(state.Calls("CreateSecret"));
        Assert.Empty(secrets.Values);
        var data = state.Single("Secret").StringData();
        Assert.False(data.ContainsKey("password"));
        Assert.Equal("false", data["tls"]);
    }

    [Fact]
    public void Palipoint_serverless_redis_7_1_with_its_token_on_a_default_user()
    {
        var resource = Cache("palipoint-cache", new ManagedCacheSpec
        {
            Engine = CacheEngine.Redis,
            Version = "7.1",
            Mode = CacheMode.Serverless,
            Serverless = new CacheServerless { MaxDataStorageGiB = 10, MaxEcpuPerSecond = 5000 },
            Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
        }, ns: "palipoint");

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        Assert.Equal(["CreateSecret", "CreateUser", "CreateUserGroup", "CreateServerlessCache"], state.Operations());
        var owner = Identity("ManagedCache", "palipoint-cache", "palipoint");
        var user = state.Call("CreateUser");
        Assert.Equal("default", user.Text("UserName"));
        Assert.Equal([secrets.ValueFor(owner, SecretPurposes.AuthToken)], user.Parameters["Passwords"]!.AsArray().Select(x => (string)x!));
        var group = state.Call("CreateUserGroup");
        Assert.Equal([user.Text("UserId")], group.Parameters["UserIds"]!.AsArray().Select(x => (string)x!));

        var cache = state.Call("CreateServerlessCache");
        Assert.Equal(AwsNames.ServerlessCacheName(Context.ClusterName, owner), cache.Text("ServerlessCacheName"));
        Assert.Equal("redis", cache.Text("Engine"));
        Assert.Equal("7", cache.Text("MajorEngineVersion"));
        Assert.Equal(group.Text("UserGroupId"), cache.Text("UserGroupId"));
        Assert.Equal(10, (int)cache.Parameters["CacheUsageLimits"]!["DataStorage"]!["Maximum"]!);
        Assert.Equal("GB", (string?)cache.Parameters["CacheUsageLimits"]!["DataStorage"]!["Unit"]);
        Assert.Equal(5000, (int)cache.Parameters["CacheUsageLimits"]!["ECPUPerSecond"]!["Maximum"]!);
        Assert.Equal(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], cache.Parameters["SubnetIds"]!.AsArray().Select(x => (string)x!));
        Assert.All(state.AwsCalls, call => Assert.Equal("palipoint", call.Tags()[OwnershipTags.NamespaceKey]));
        Assert.Equal("true", state.Single("Secret").StringData()["tls"]);
    }

    [Fact]
    public void Serverless_without_auth_or_limits_sends_neither()
    {
        var resource = Cache("c", new ManagedCacheSpec { Mode = CacheMode.Serverless, Auth = new CacheAuth { Enabled = false } });

        var cache = ManagedCacheBuilder.Build(resource, Context, secrets).Call("CreateServerlessCache");

        Assert.Null(cache.Parameters["UserGroupId"]);
        Assert.Null(cache.Parameters["CacheUsageLimits"]);
    }

    [Theory]
    [InlineData(CacheEngine.Redis, "7.1", "redis7")]
    [InlineData(CacheEngine.Redis, "6.2", "redis6.x")]
    [InlineData(CacheEngine.Valkey, "7.2", "valkey7")]
    [InlineData(CacheEngine.Valkey, "8.0", "valkey8")]
    public void Parameter_group_family_follows_engine_and_version(CacheEngine engine, string version, string family)
    {
        var resource = Cache("c", new ManagedCacheSpec { Engine = engine, Version = version });

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        Assert.Equal(family, state.Call("CreateCacheParameterGroup").Text("CacheParameterGroupFamily"));
        Assert.Equal(engine == CacheEngine.Valkey ? "valkey" : "redis", state.Call("CreateReplicationGroup").Text("Engine"));
    }

    [Fact]
    public void In_cluster_replicated_redis_runs_a_primary_and_replicas_with_config_from_a_configmap()
    {
        var resource = Cache("sessions", new ManagedCacheSpec
        {
            Provider = Provider.InCluster,
            Mode = CacheMode.Replicated,
            ReplicasPerShard = 2,
            EvictionPolicy = EvictionPolicy.AllKeysLfu,
            Resources = new InClusterResources { Memory = "512Mi" },
        });

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        Assert.Empty(state.AwsCalls);
        Assert.Equal(["Secret", "Secret", "ConfigMap", "Service", "Service", "Service", "StatefulSet"], state.Kinds());
        var config = (string)state.Single("ConfigMap")["data"]!["redis.conf"]!;
        Assert.Contains("maxmemory-policy allkeys-lfu\n", config, StringComparison.Ordinal);
        Assert.Contains($"maxmemory {512L * 1024 * 1024 * 3 / 4}\n", config, StringComparison.Ordinal);
        Assert.Contains("include /run/redis/runtime.conf\n", config, StringComparison.Ordinal);

        var statefulSet = state.Single("StatefulSet");
        Assert.Equal(3, (int)statefulSet["spec"]!["replicas"]!);
        var container = statefulSet.Container();
        Assert.Equal("redis:7.2", (string?)container["image"]);
        Assert.Equal(("sessions-credentials", "password"), container.SecretRef("REDIS_PASSWORD"));
        Assert.Equal(("sessions-credentials", "password"), container.SecretRef("REDISCLI_AUTH"));
        Assert.Equal("sessions-0.sessions-headless.shop.svc", (string?)container.Env("PRIMARY_HOST")["value"]);
        Assert.Contains("requirepass", container.Script(), StringComparison.Ordinal);
        Assert.NotNull(statefulSet["spec"]!["template"]!["metadata"]!["annotations"]!["skyforge.dev/config-digest"]);

        var primary = state.Named("Service", "sessions");
        Assert.Equal("sessions-0", (string?)primary["spec"]!["selector"]!["statefulset.kubernetes.io/pod-name"]);
        var readers = state.Named("Service", "sessions-readers");
        Assert.Null(readers["spec"]!["selector"]!["statefulset.kubernetes.io/pod-name"]);

        var data = state.Named("Secret", "sessions-connection").StringData();
        var token = secrets.ValueFor(Identity("ManagedCache", "sessions"), SecretPurposes.AuthToken);
        Assert.Equal("sessions.shop.svc", data["host"]);
        Assert.Equal("sessions-readers.shop.svc", data["readerHost"]);
        Assert.Equal("false", data["tls"]);
        Assert.Equal($"redis://:{token}@sessions.shop.svc:6379", data["uri"]);
        Assert.Equal("inCluster", data["provider"]);
    }

    [Fact]
    public void In_cluster_cache_without_auth_has_no_credentials()
    {
        var resource = Cache("c", new ManagedCacheSpec { Provider = Provider.InCluster, Mode = CacheMode.Standalone, Auth = new CacheAuth { Enabled = false }, Engine = CacheEngine.Valkey, Version = "8.0" });

        var state = ManagedCacheBuilder.Build(resource, Context, secrets);

        Assert.Equal(["Secret", "ConfigMap", "Service", "Service", "StatefulSet"], state.Kinds());
        var container = state.Single("StatefulSet").Container();
        Assert.Equal("valkey/valkey:8.0", (string?)container["image"]);
        Assert.DoesNotContain(container["env"]!.AsArray(), entry => (string?)entry!["name"] == "REDIS_PASSWORD");
        Assert.Equal(1, (int)state.Single("StatefulSet")["spec"]!["replicas"]!);
    }

    [Theory]
    [InlineData(CacheMode.Cluster)]
    [InlineData(CacheMode.Serverless)]
    public void Cluster_and_serverless_modes_in_cluster_are_refused_clearly(CacheMode mode)
    {
        var resource = Cache("c", new ManagedCacheSpec { Provider = Provider.InCluster, Mode = mode });

        var error = Assert.Throws<ArgumentException>(() => ManagedCacheBuilder.Build(resource, Context, secrets));

        Assert.Contains("needs provider aws", error.Message, StringComparison.Ordinal);
    }
}
