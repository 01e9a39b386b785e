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

/// <summary>ManagedCache mode serverless on ElastiCache serverless caches end to end: the TestKit API server, moto behind the fault proxy, and the cache controller.</summary>
[Collection(MotoCollection.Name)]
public sealed class ServerlessCacheScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "palipoint";
    private static readonly ResourceType Caches = SkyforgeResourceTypes.ManagedCaches;
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

    private JsonObject Cache(string name, string deletionPolicy, Action<JsonObject>? customize = null)
    {
        var spec = new JsonObject
        {
            ["engine"] = "redis",
            ["version"] = "7.1",
            ["mode"] = "serverless",
            ["serverless"] = new JsonObject { ["maxDataStorageGiB"] = 10, ["maxEcpuPerSecond"] = 5000 },
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
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
            ["spec"] = spec,
        };
    }

    private static ResourceIdentity Identity(string name, string uid = "") => new(Group.ApiVersion, "ManagedCache", Namespace, name, uid);

    private static string CacheName(string name) => AwsNames.ServerlessCacheName(DataServicesOperator.ClusterName, Identity(name));

    private static string UserId(string name) => AwsNames.CacheUserId(DataServicesOperator.ClusterName, Identity(name));

    private static string UserGroupId(string name) => AwsNames.CacheUserGroupId(DataServicesOperator.ClusterName, Identity(name));

    private static string TokenSecretName(string name) => AwsNames.SecretName(DataServicesOperator.ClusterName, Identity(name), SecretPurposes.AuthToken);

    private async Task<ServerlessCache?> ServerlessCacheAsync(string name)
    {
        try
        {
            return (await _aws.ElastiCache.DescribeServerlessCachesAsync(new DescribeServerlessCachesRequest { ServerlessCacheName = CacheName(name) }, CancellationToken.None)).ServerlessCaches?.SingleOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    private async Task<UserGroup?> UserGroupAsync(string name)
    {
        try
        {
            return (await _aws.ElastiCache.DescribeUserGroupsAsync(new DescribeUserGroupsRequest { UserGroupId = UserGroupId(name) }, CancellationToken.None)).UserGroups?.SingleOrDefault();
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The user's status and user name as moto reports them (Skyforge's client has no DescribeUsers), or null once it is gone.</summary>
    private async Task<(string Status, string UserName)?> UserAsync(string name)
    {
        try
        {
            var answer = await MotoQuery.CallAsync(moto.Moto.Endpoint, MotoFixture.Region, "elasticache", AwsService.ElastiCache.ApiVersion, "DescribeUsers", [new("UserId", UserId(name))]);
            return (MotoQuery.Values(answer, "Status").Single(), MotoQuery.Values(answer, "UserName").Single());
        }
        catch (MotoQueryException missing) when (missing.Code == "UserNotFound")
        {
            return null;
        }
    }

    private async Task<string> AuthTokenAsync(string name)
    {
        var value = await _aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretName(name) }, CancellationToken.None);
        return JsonNode.Parse(value.SecretString!)!["password"]!.GetValue<string>();
    }

    private async Task<JsonObject> ReadyAsync(string name, long generation = 1) =>
        await _operator.WaitForAsync(Caches, Namespace, name, obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == generation, $"Ready at generation {generation}");

    private IEnumerable<JsonObject> Sent(string operation) =>
        moto.Proxy.Requests.Where(request => request.Service == "elasticache" && request.Operation == operation && request.StatusCode < 300).Select(request => request.Parameters);

    [Fact]
    public async Task A_serverless_cache_is_created_with_auth_and_its_connection_secret_its_limits_changed_and_deleted()
    {
        await _operator.ApplyAsync(Caches, Cache("sessions", "Delete"));

        var ready = await ReadyAsync("sessions");
        var cache = (await ServerlessCacheAsync("sessions"))!;
        var token = await AuthTokenAsync("sessions");
        var connection = await _operator.SecretDataAsync(Namespace, "sessions-connection");
        Assert.Equal("available", cache.Status);
        Assert.Equal(cache.Endpoint!.Address, connection["host"]);
        Assert.Equal("6379", connection["port"]);
        Assert.Equal("true", connection["tls"]);
        Assert.Equal("redis", connection["engine"]);
        Assert.Equal(token, connection["password"]);
        Assert.Equal($"rediss://:{token}@{cache.Endpoint.Address}:6379", connection["uri"]);
        Assert.DoesNotContain("readerHost", connection.Keys);
        Assert.Equal(cache.ARN, ready["status"]!["arn"]!.GetValue<string>());
        Assert.Equal(cache.Endpoint.Address, ready["status"]!["endpoint"]!["host"]!.GetValue<string>());
        Assert.Equal(6380, ready["status"]!["readerEndpoint"]!["port"]!.GetValue<int>());
        Assert.Equal("7", cache.MajorEngineVersion);
        Assert.Equal(10, cache.CacheUsageLimits!.DataStorage!.Maximum);
        Assert.Equal(5000, cache.CacheUsageLimits.ECPUPerSecond!.Maximum);
        Assert.Equal([moto.Network.SecurityGroupId], cache.SecurityGroupIds);
        Assert.Equal(moto.Network.SubnetIds, cache.SubnetIds);
        var tags = (await _aws.ElastiCache.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = cache.ARN! }, CancellationToken.None)).TagList!;
        Assert.Contains(tags, tag => tag.Key == OwnershipTags.UidKey && tag.Value == ready["metadata"]!["uid"]!.GetValue<string>());

        // AUTH <token> works because the token is the password of the user named "default" in the cache's user group.
        Assert.Equal(UserGroupId("sessions"), cache.UserGroupId);
        var group = (await UserGroupAsync("sessions"))!;
        Assert.Equal("active", group.Status);
        Assert.Equal([UserId("sessions")], group.UserIds);
        Assert.Equal(("active", "default"), await UserAsync("sessions"));

        await _operator.ApplyAsync(Caches, Cache("sessions", "Delete", spec => spec["serverless"] = new JsonObject { ["maxDataStorageGiB"] = 20, ["maxEcpuPerSecond"] = 10000 }));
        var changed = await Eventually.ReturnsAsync(() => ServerlessCacheAsync("sessions"),
            current => current?.Status == "available" && current.CacheUsageLimits?.DataStorage?.Maximum == 20 && current.CacheUsageLimits.ECPUPerSecond?.Maximum == 10000,
            "the new usage limits in ElastiCache", TimeSpan.FromSeconds(20));
        Assert.Equal(cache.Endpoint.Address, changed!.Endpoint!.Address);
        await ReadyAsync("sessions", generation: 2);
        Assert.Single(Sent("CreateServerlessCache"));

        await _operator.Client.DeleteAsync(Caches, Namespace, "sessions");
        await _operator.WaitForGoneAsync(Caches, Namespace, "sessions");
        Assert.Null(await ServerlessCacheAsync("sessions"));
        Assert.DoesNotContain(Sent("DeleteServerlessCache"), parameters => parameters.ContainsKey("FinalSnapshotName"));
        Assert.Null(await UserGroupAsync("sessions"));
        Assert.NotEqual("active", (await UserAsync("sessions"))?.Status);
        var secret = await _aws.SecretsManager.DescribeSecretAsync(new DescribeSecretRequest { SecretId = TokenSecretName("sessions") }, CancellationToken.None);
        Assert.NotNull(secret.DeletedDate);
        Assert.DoesNotContain(token, _operator.ObservableText());
    }

    [Fact]
    public async Task Snapshot_deletes_with_a_final_snapshot_of_the_deterministic_name_and_keeps_the_token()
    {
        await _operator.ApplyAsync(Caches, Cache("ledger", "Snapshot"));
        var ready = await ReadyAsync("ledger");
        var token = await AuthTokenAsync("ledger");

        await _operator.Client.DeleteAsync(Caches, Namespace, "ledger");
        await _operator.WaitForGoneAsync(Caches, Namespace, "ledger");

        Assert.Null(await ServerlessCacheAsync("ledger"));
        var snapshotName = AwsNames.CacheFinalSnapshotName(DataServicesOperator.ClusterName, Identity("ledger", ready["metadata"]!["uid"]!.GetValue<string>()));
        var snapshots = await MotoQuery.CallAsync(moto.Moto.Endpoint, MotoFixture.Region, "elasticache", AwsService.ElastiCache.ApiVersion, "DescribeServerlessCacheSnapshots", [new("ServerlessCacheName", CacheName("ledger"))]);
        Assert.Equal([snapshotName], MotoQuery.Values(snapshots, "ServerlessCacheSnapshotName"));
        Assert.Null(await UserGroupAsync("ledger"));
        Assert.Equal(token, await AuthTokenAsync("ledger"));
    }

    [Fact]
    public async Task Without_auth_the_cache_has_no_user_group_and_Retain_leaves_it_running()
    {
        await _operator.ApplyAsync(Caches, Cache("public", "Retain", spec => spec["auth"] = new JsonObject { ["enabled"] = false }));
        await ReadyAsync("public");

        var cache = (await ServerlessCacheAsync("public"))!;
        var connection = await _operator.SecretDataAsync(Namespace, "public-connection");
        Assert.Null(cache.UserGroupId);
        Assert.Null(await UserGroupAsync("public"));
        Assert.DoesNotContain("password", connection.Keys);
        Assert.Equal($"rediss://{cache.Endpoint!.Address}:6379", connection["uri"]);

        await _operator.Client.DeleteAsync(Caches, Namespace, "public");
        await _operator.WaitForGoneAsync(Caches, Namespace, "public");

        Assert.Equal("available", (await ServerlessCacheAsync("public"))?.Status);
        Assert.Empty(Sent("DeleteServerlessCache"));
    }

    [Fact]
    public async Task A_serverless_cache_tagged_for_another_owner_is_never_modified_or_deleted()
    {
        await _aws.ElastiCache.CreateServerlessCacheAsync(new CreateServerlessCacheRequest
        {
            ServerlessCacheName = CacheName("contested"),
            Description = "someone else's cache",
            Engine = "redis",
            CacheUsageLimits = new CacheUsageLimits { DataStorage = new DataStorage { Maximum = 99, Unit = "GB" } },
            Tags = [new AwsTag { Key = OwnershipTags.ClusterKey, Value = "another-cluster" }, new AwsTag { Key = OwnershipTags.NamespaceKey, Value = Namespace }, new AwsTag { Key = OwnershipTags.NameKey, Value = "contested" }],
        }, CancellationToken.None);
        await Eventually.ReturnsAsync(() => ServerlessCacheAsync("contested"), current => current?.Status == "available", "the other owner's cache to be available");
        moto.Proxy.ClearRecords();

        await _operator.ApplyAsync(Caches, Cache("contested", "Delete"));
        await _operator.WaitForAsync(Caches, Namespace, "contested", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(Caches, Namespace, "contested");
        await _operator.WaitForGoneAsync(Caches, Namespace, "contested");

        var untouched = (await ServerlessCacheAsync("contested"))!;
        Assert.Equal("available", untouched.Status);
        Assert.Equal(99, untouched.CacheUsageLimits!.DataStorage!.Maximum);
        Assert.Null(untouched.UserGroupId);
        string[] changes = ["CreateServerlessCache", "ModifyServerlessCache", "DeleteServerlessCache", "CreateUser", "CreateUserGroup", "DeleteUserGroup", "DeleteUser"];
        Assert.DoesNotContain(moto.Proxy.Requests, request => request.Service == "elasticache" && changes.Contains(request.Operation));
    }
}
