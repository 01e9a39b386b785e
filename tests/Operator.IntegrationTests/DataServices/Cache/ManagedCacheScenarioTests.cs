using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>ManagedCache on ElastiCache replication groups end to end: the TestKit API server, moto behind the fault proxy, and the cache controller.</summary>
[Collection(MotoCollection.Name)]
public sealed class ManagedCacheScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "shop";
    private const string OtherNamespace = "staging";
    private static readonly ResourceType Caches = SkyforgeResourceTypes.ManagedCaches;
    private DataServicesOperator _operator = null!;
    private AwsTestHost _aws = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _aws = moto.CreateHost();
        _operator = await DataServicesOperator.StartAsync(moto, Namespace, OtherNamespace);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private JsonObject Cache(string name, string deletionPolicy, Action<JsonObject>? customize = null, string @namespace = Namespace)
    {
        var spec = new JsonObject
        {
            ["engine"] = "redis",
            ["version"] = "7.1",
            ["mode"] = "replicated",
            ["replicasPerShard"] = 1,
            ["evictionPolicy"] = "volatile-lru",
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
            ["kind"] = "ManagedCache",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
            ["spec"] = spec,
        };
    }

    private static ResourceIdentity Identity(string name, string @namespace = Namespace, string uid = "") => new(Group.ApiVersion, "ManagedCache", @namespace, name, uid);

    private static string GroupId(string name, string @namespace = Namespace) => AwsNames.CacheReplicationGroupId(DataServicesOperator.ClusterName, Identity(name, @namespace));

    private async Task<ReplicationGroup?> GroupAsync(string name, string @namespace = Namespace)
    {
        try
        {
            return (await _aws.ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest { ReplicationGroupId = GroupId(name, @namespace) }, CancellationToken.None)).ReplicationGroups?.SingleOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    private async Task<JsonObject> ReadyAsync(string name, long generation = 1, string @namespace = Namespace) =>
        await _operator.WaitForAsync(Caches, @namespace, name, obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == generation, $"Ready at generation {generation}");

    private static string TokenSecretName(string name) => AwsNames.SecretName(DataServicesOperator.ClusterName, Identity(name), SecretPurposes.AuthToken);

    private async Task<string> AuthTokenAsync(string name)
    {
        var value = await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretName(name) }, CancellationToken.None);
        return JsonNode.Parse(value.SecretString!)!["password"]!.GetValue<string>();
    }

    private IEnumerable<JsonObject> Sent(string operation) =>
        moto.Proxy.Requests.Where(request => request.Service == "elasticache" && request.Operation == operation && request.StatusCode < 300).Select(request => request.Parameters);

    [Fact]
    public async Task A_replicated_cache_is_created_with_its_connection_secret_scaled_and_deleted()
    {
        await _operator.ApplyAsync(Caches, Cache("sessions", "Delete"));

        var ready = await ReadyAsync("sessions");
        var group = (await GroupAsync("sessions"))!;
        var nodeGroup = Assert.Single(group.NodeGroups!);
        var connection = await _operator.SecretDataAsync(Namespace, "sessions-connection");
        var token = await AuthTokenAsync("sessions");
        Assert.Equal(nodeGroup.PrimaryEndpoint!.Address, connection["host"]);
        Assert.Equal(nodeGroup.ReaderEndpoint!.Address, connection["readerHost"]);
        Assert.Equal("6379", connection["port"]);
        Assert.Equal("true", connection["tls"]);
        Assert.Equal(token, connection["password"]);
        Assert.Equal(32, token.Length);
        Assert.Equal($"rediss://:{token}@{nodeGroup.PrimaryEndpoint.Address}:6379", connection["uri"]);
        Assert.True(group.AuthTokenEnabled);
        Assert.Equal(2, nodeGroup.NodeGroupMembers!.Count);
        Assert.Equal("cache.t4g.micro", group.CacheNodeType);
        Assert.Equal(group.ARN, ready["status"]!["arn"]!.GetValue<string>());
        Assert.Equal(nodeGroup.PrimaryEndpoint.Address, ready["status"]!["endpoint"]!["host"]!.GetValue<string>());
        var tags = (await _aws.ElastiCache.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = group.ARN! }, CancellationToken.None)).TagList!;
        Assert.Contains(tags, tag => tag.Key == OwnershipTags.UidKey && tag.Value == ready["metadata"]!["uid"]!.GetValue<string>());
        Assert.Contains(Sent("ModifyCacheParameterGroup"), parameters => parameters.ToJsonString().Contains("volatile-lru", StringComparison.Ordinal));

        await _operator.ApplyAsync(Caches, Cache("sessions", "Delete", spec =>
        {
            spec["replicasPerShard"] = 2;
            spec["nodeType"] = "cache.t4g.small";
            spec["evictionPolicy"] = "allkeys-lfu";
        }));
        var scaled = await Eventually.ReturnsAsync(() => GroupAsync("sessions"),
            current => current?.Status == "available" && current.CacheNodeType == "cache.t4g.small" && current.NodeGroups![0].NodeGroupMembers!.Count == 3,
            "three nodes of the new node type in ElastiCache", TimeSpan.FromSeconds(20));
        Assert.NotNull(scaled);
        await ReadyAsync("sessions", generation: 2);
        Assert.Contains(Sent("ModifyCacheParameterGroup"), parameters => parameters.ToJsonString().Contains("allkeys-lfu", StringComparison.Ordinal));

        await _operator.Client.DeleteAsync(Caches, Namespace, "sessions");
        await _operator.WaitForGoneAsync(Caches, Namespace, "sessions");
        Assert.Null(await GroupAsync("sessions"));
        Assert.DoesNotContain(Sent("DeleteReplicationGroup"), parameters => parameters.ToJsonString().Contains("FinalSnapshotIdentifier", StringComparison.Ordinal));
        var subnetGroups = await _aws.ElastiCache.DescribeCacheSubnetGroupsAsync(new DescribeCacheSubnetGroupsRequest(), CancellationToken.None);
        Assert.Empty(subnetGroups.CacheSubnetGroups ?? []);
        Assert.Single(Sent("DeleteCacheParameterGroup"));
        var secret = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = TokenSecretName("sessions") }, CancellationToken.None);
        Assert.NotNull(secret.DeletedDate);
        Assert.DoesNotContain(token, _operator.ObservableText());
    }

    [Fact]
    public async Task Changed_and_removed_spec_tags_reach_the_replication_group_and_ownership_tags_stay()
    {
        await _operator.ApplyAsync(Caches, Cache("tagged", "Delete", spec => spec["tags"] = new JsonObject { ["team"] = "payments", ["cost-center"] = "cc-1" }));
        await ReadyAsync("tagged");
        var arn = (await GroupAsync("tagged"))!.ARN!;
        Assert.Equal("cc-1", (await TagsAsync(arn))["cost-center"]);

        await _operator.ApplyAsync(Caches, Cache("tagged", "Delete", spec => spec["tags"] = new JsonObject { ["team"] = "billing" }));

        var after = await Eventually.ReturnsAsync(() => TagsAsync(arn), tags => tags.GetValueOrDefault("team") == "billing" && !tags.ContainsKey("cost-center"),
            "the replication group's tags to follow the spec");
        Assert.Equal("tagged", after[OwnershipTags.NameKey]);
        Assert.Equal(Namespace, after[OwnershipTags.NamespaceKey]);
        Assert.True(after.ContainsKey(OwnershipTags.UidKey));
        await ReadyAsync("tagged", generation: 2);
    }

    private async Task<Dictionary<string, string>> TagsAsync(string arn) =>
        ((await _aws.ElastiCache.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, CancellationToken.None)).TagList ?? [])
            .ToDictionary(tag => tag.Key, tag => tag.Value ?? "", StringComparer.Ordinal);

    [Fact]
    public async Task Snapshot_deletes_with_a_final_snapshot_of_the_deterministic_name_and_keeps_the_token()
    {
        await _operator.ApplyAsync(Caches, Cache("ledger", "Snapshot"));
        var ready = await ReadyAsync("ledger");
        var token = await AuthTokenAsync("ledger");

        await _operator.Client.DeleteAsync(Caches, Namespace, "ledger");
        await _operator.WaitForGoneAsync(Caches, Namespace, "ledger");

        Assert.Null(await GroupAsync("ledger"));
        var snapshotName = AwsNames.CacheFinalSnapshotName(DataServicesOperator.ClusterName, Identity("ledger", uid: ready["metadata"]!["uid"]!.GetValue<string>()));
        var delete = Assert.Single(Sent("DeleteReplicationGroup"));
        Assert.Contains(snapshotName, delete.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(token, await AuthTokenAsync("ledger"));
    }

    [Fact]
    public async Task Retain_leaves_the_replication_group_running()
    {
        await _operator.ApplyAsync(Caches, Cache("archive", "Retain"));
        await ReadyAsync("archive");

        await _operator.Client.DeleteAsync(Caches, Namespace, "archive");
        await _operator.WaitForGoneAsync(Caches, Namespace, "archive");

        Assert.Equal("available", (await GroupAsync("archive"))?.Status);
        Assert.Empty(Sent("DeleteReplicationGroup"));
    }

    private static void Standalone(JsonObject spec)
    {
        spec["mode"] = "standalone";
        spec["replicasPerShard"] = 0;
    }

    [Fact]
    public async Task The_same_name_in_two_namespaces_makes_two_replication_groups()
    {
        await _operator.ApplyAsync(Caches, Cache("carts", "Delete", Standalone, Namespace));
        await _operator.ApplyAsync(Caches, Cache("carts", "Delete", Standalone, OtherNamespace));
        await ReadyAsync("carts", @namespace: Namespace);
        await ReadyAsync("carts", @namespace: OtherNamespace);

        Assert.NotEqual(GroupId("carts", Namespace), GroupId("carts", OtherNamespace));
        var shop = (await GroupAsync("carts", Namespace))!;
        var staging = (await GroupAsync("carts", OtherNamespace))!;
        Assert.NotEqual(shop.NodeGroups![0].PrimaryEndpoint!.Address, staging.NodeGroups![0].PrimaryEndpoint!.Address);
        Assert.Equal(shop.NodeGroups[0].PrimaryEndpoint!.Address, (await _operator.SecretDataAsync(Namespace, "carts-connection"))["host"]);
        Assert.Equal(staging.NodeGroups[0].PrimaryEndpoint!.Address, (await _operator.SecretDataAsync(OtherNamespace, "carts-connection"))["host"]);
        Assert.DoesNotContain("readerHost", (await _operator.SecretDataAsync(Namespace, "carts-connection")).Keys);
    }

    [Fact]
    public async Task A_crash_right_after_the_create_reached_aws_leaves_exactly_one_replication_group()
    {
        // Once CreateReplicationGroup has reached moto, every later ElastiCache call hangs, so the controller is stopped mid-flight.
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromSeconds(60))) { Service = "elasticache", AfterOperation = "CreateReplicationGroup", Times = 100 });
        await _operator.ApplyAsync(Caches, Cache("crashy", "Delete"));
        await Eventually.ReturnsAsync(() => Task.FromResult(moto.Proxy.Count("elasticache", "CreateReplicationGroup")), count => count >= 1, "CreateReplicationGroup to reach moto");
        await _operator.StopOperatorAsync();
        moto.Proxy.ClearFaults();

        await _operator.StartOperatorAsync();
        await ReadyAsync("crashy");

        var all = await _aws.ElastiCache.DescribeReplicationGroupsAsync(new DescribeReplicationGroupsRequest(), CancellationToken.None);
        Assert.Single(all.ReplicationGroups!, group => group.ReplicationGroupId == GroupId("crashy"));
        Assert.Equal(await AuthTokenAsync("crashy"), (await _operator.SecretDataAsync(Namespace, "crashy-connection"))["password"]);
    }

    [Fact]
    public async Task A_replication_group_tagged_for_another_owner_is_never_modified_or_deleted()
    {
        await _aws.ElastiCache.CreateReplicationGroupAsync(new CreateReplicationGroupRequest
        {
            ReplicationGroupId = GroupId("contested"),
            ReplicationGroupDescription = "someone else's cache",
            Engine = "redis",
            CacheNodeType = "cache.t3.large",
            NumCacheClusters = 1,
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = Namespace }, new AwsTag { Key = OwnershipTags.NameKey, Value = "contested" }],
        }, CancellationToken.None);
        moto.Proxy.ClearRecords();

        await _operator.ApplyAsync(Caches, Cache("contested", "Delete"));
        await _operator.WaitForAsync(Caches, Namespace, "contested", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(Caches, Namespace, "contested");
        await _operator.WaitForGoneAsync(Caches, Namespace, "contested");

        var untouched = (await GroupAsync("contested"))!;
        Assert.Equal("cache.t3.large", untouched.CacheNodeType);
        string[] changes = ["CreateReplicationGroup", "ModifyReplicationGroup", "IncreaseReplicaCount", "DecreaseReplicaCount", "DeleteReplicationGroup"];
        Assert.DoesNotContain(moto.Proxy.Requests, request => request.Service == "elasticache" && changes.Contains(request.Operation));
    }
}
