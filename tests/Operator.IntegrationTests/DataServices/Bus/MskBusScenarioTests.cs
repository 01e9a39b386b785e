using System.Text.Json.Nodes;
using Skyforge.Aws.Kafka;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>MessageBus kafka on MSK end to end: the TestKit API server, moto behind the fault proxy, and the operator host.</summary>
[Collection(MotoCollection.Name)]
public sealed class MskBusScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "events";
    private const string OtherNamespace = "audit";
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

    private JsonObject Bus(string name, string deletionPolicy, Action<JsonObject>? customize = null, string @namespace = Namespace)
    {
        var spec = new JsonObject
        {
            ["engine"] = "kafka",
            ["provider"] = "aws",
            ["brokers"] = 3,
            ["storageGiB"] = 100,
            ["network"] = new JsonObject
            {
                ["subnetIds"] = new JsonArray([.. moto.Network.SubnetIds.Select(id => (JsonNode)id)]),
                ["securityGroupIds"] = new JsonArray(moto.Network.SecurityGroupId),
            },
            ["topics"] = new JsonArray(new JsonObject { ["name"] = "orders", ["partitions"] = 6 }),
            ["deletionPolicy"] = deletionPolicy,
        };
        customize?.Invoke(spec);
        return new JsonObject
        {
            ["apiVersion"] = Group.ApiVersion,
            ["kind"] = "MessageBus",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
            ["spec"] = spec,
        };
    }

    private static string ClusterNameOf(string name, string @namespace = Namespace) =>
        AwsNames.KafkaClusterName(DataServicesOperator.ClusterName, new ResourceIdentity(Group.ApiVersion, "MessageBus", @namespace, name, ""));

    private async Task<IReadOnlyList<Cluster>> ClustersAsync() =>
        await _aws.Kafka.ListAllClustersV2Async(new ListClustersV2Request(), CancellationToken.None).ToListAsync();

    private async Task<Cluster?> ClusterAsync(string name, string @namespace = Namespace) =>
        (await ClustersAsync()).SingleOrDefault(cluster => cluster.ClusterName == ClusterNameOf(name, @namespace));

    private Task<JsonObject> ReadyAsync(string name, long generation = 1, string @namespace = Namespace) =>
        _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, @namespace, name, obj => DataServicesOperator.IsReady(obj) && obj["metadata"]!["generation"]!.GetValue<long>() == generation, $"Ready at generation {generation}");

    [Fact]
    public async Task A_cluster_is_created_with_its_bootstrap_servers_grown_and_deleted()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("orders-bus", "Delete"));

        var ready = await ReadyAsync("orders-bus");
        var cluster = (await ClusterAsync("orders-bus"))!;
        var brokers = await _aws.Kafka.GetBootstrapBrokersAsync(new GetBootstrapBrokersRequest { ClusterArn = cluster.ClusterArn! }, CancellationToken.None);
        var connection = await _operator.SecretDataAsync(Namespace, "orders-bus-connection");
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam, connection["bootstrapServers"]);
        Assert.Equal("9098", connection["port"]);
        Assert.Equal("true", connection["tls"]);
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam!.Split(',')[0].Split(':')[0], connection["host"]);
        Assert.Equal(cluster.ClusterArn, ready["status"]!["arn"]!.GetValue<string>());
        Assert.Equal(brokers.BootstrapBrokerStringSaslIam, ready["status"]!["endpoint"]!.GetValue<string>());
        Assert.Equal("ACTIVE", cluster.State);
        Assert.Equal(ready["metadata"]!["uid"]!.GetValue<string>(), cluster.Tags![OwnershipTags.UidKey]);
        var topicsJob = Assert.Single(_operator.Server.Store.List("batch", "jobs", Namespace));
        Assert.Contains("orders", topicsJob.ToJsonString(), StringComparison.Ordinal);

        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("orders-bus", "Delete", spec =>
        {
            spec["storageGiB"] = 200;
            spec["tags"] = new JsonObject { ["team"] = "orders" };
        }));
        await ReadyAsync("orders-bus", generation: 2);
        var grown = await Eventually.ReturnsAsync(
            () => ClusterAsync("orders-bus"),
            current => current?.Provisioned?.BrokerNodeGroupInfo?.StorageInfo?.EbsStorageInfo?.VolumeSize == 200,
            "200 GiB per broker in MSK");
        Assert.Equal(1, moto.Proxy.Count("kafka", "UpdateBrokerStorage"));
        Assert.Equal(3, grown!.Provisioned!.NumberOfBrokerNodes);
        Assert.Equal("orders", (await _aws.Kafka.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = grown.ClusterArn! }, CancellationToken.None)).Tags!["team"]);

        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("orders-bus", "Delete", spec =>
        {
            spec["storageGiB"] = 200;
            spec["tags"] = new JsonObject { ["owner"] = "data-platform" };
        }));
        var retagged = await Eventually.ReturnsAsync(
            async () => (await _aws.Kafka.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = grown.ClusterArn! }, CancellationToken.None)).Tags!,
            tags => tags.GetValueOrDefault("owner") == "data-platform" && !tags.ContainsKey("team"),
            "the removed tag gone and the new one set in MSK");
        Assert.Equal("orders-bus", retagged[OwnershipTags.NameKey]);
        await ReadyAsync("orders-bus", generation: 3);

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "orders-bus");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "orders-bus");
        Assert.Null(await ClusterAsync("orders-bus"));
        Assert.Equal(1, moto.Proxy.Count("kafka", "DeleteCluster"));
    }

    [Fact]
    public async Task Retain_and_Snapshot_leave_the_cluster_running()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("kept", "Retain"));
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("snapshotted", "Snapshot"));
        await ReadyAsync("kept");
        await ReadyAsync("snapshotted");

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "kept");
        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "snapshotted");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "kept");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "snapshotted");

        Assert.Equal("ACTIVE", (await ClusterAsync("kept"))?.State);
        Assert.Equal("ACTIVE", (await ClusterAsync("snapshotted"))?.State);
        Assert.Equal(0, moto.Proxy.Count("kafka", "DeleteCluster"));
    }

    [Fact]
    public async Task A_crash_right_after_the_create_reached_aws_leaves_exactly_one_cluster()
    {
        // Once CreateClusterV2 has reached moto, every later MSK call hangs, so the operator is stopped mid-flight.
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromSeconds(60))) { Service = "kafka", AfterOperation = "CreateClusterV2", Times = 100 });
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("crashy", "Delete"));
        await Eventually.ReturnsAsync(() => Task.FromResult(moto.Proxy.Count("kafka", "CreateClusterV2")), count => count >= 1, "CreateClusterV2 to reach moto");
        await _operator.StopOperatorAsync();
        moto.Proxy.ClearFaults();

        await _operator.StartOperatorAsync();
        await ReadyAsync("crashy");

        Assert.Single(await ClustersAsync(), cluster => cluster.ClusterName == ClusterNameOf("crashy"));
        Assert.Equal(1, moto.Proxy.Count("kafka", "CreateClusterV2"));
        Assert.NotEqual(ConnectionEndpoints.Pending, (await _operator.SecretDataAsync(Namespace, "crashy-connection"))["bootstrapServers"]);
    }

    [Fact]
    public async Task The_same_name_in_two_namespaces_makes_two_clusters()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("payments", "Delete"));
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("payments", "Delete", @namespace: OtherNamespace));
        var first = await ReadyAsync("payments");
        var second = await ReadyAsync("payments", @namespace: OtherNamespace);

        Assert.NotEqual(ClusterNameOf("payments"), ClusterNameOf("payments", OtherNamespace));
        Assert.NotNull(await ClusterAsync("payments"));
        Assert.NotNull(await ClusterAsync("payments", OtherNamespace));
        Assert.NotEqual(first["status"]!["arn"]!.GetValue<string>(), second["status"]!["arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cluster_tagged_for_another_owner_is_never_modified_or_deleted()
    {
        await _aws.Kafka.CreateClusterV2Async(new CreateClusterV2Request
        {
            ClusterName = ClusterNameOf("contested"),
            Tags = new Dictionary<string, string>
            {
                [OwnershipTags.ClusterKey] = "another-cluster",
                [OwnershipTags.NamespaceKey] = Namespace,
                [OwnershipTags.NameKey] = "contested",
            },
            Serverless = new ServerlessRequest { VpcConfigs = [new VpcConfig { SubnetIds = moto.Network.SubnetIds }] },
        }, CancellationToken.None);

        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("contested", "Delete", spec => spec["brokers"] = 6));
        await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "contested", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "contested");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "contested");

        Assert.NotNull(await ClusterAsync("contested"));
        Assert.Equal(1, moto.Proxy.Count("kafka", "CreateClusterV2"));
        Assert.Equal(0, moto.Proxy.Count("kafka", "DeleteCluster") + moto.Proxy.Count("kafka", "UpdateBrokerCount"));
        Assert.Null(await _operator.GetAsync(ResourceTypes.Secrets, Namespace, "contested-connection"));
    }

    [Fact]
    public async Task An_instance_type_changed_directly_in_msk_is_reverted_on_the_next_look()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("drifting", "Delete"));
        await ReadyAsync("drifting");
        var cluster = (await ClusterAsync("drifting"))!;
        Assert.Equal("kafka.t3.small", cluster.Provisioned!.BrokerNodeGroupInfo!.InstanceType);
        await _aws.Kafka.UpdateBrokerTypeAsync(new UpdateBrokerTypeRequest { ClusterArn = cluster.ClusterArn!, CurrentVersion = cluster.CurrentVersion!, TargetInstanceType = "kafka.m5.large" }, CancellationToken.None);
        await Eventually.ReturnsAsync(() => ClusterAsync("drifting"), current => current is { State: "ACTIVE" } && current.Provisioned!.BrokerNodeGroupInfo!.InstanceType == "kafka.m5.large", "the drifted instance type in MSK");

        // A user's reconcile request stands in for the drift interval passing.
        await _operator.Client.PatchAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "drifting", Kubernetes.Requests.KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ManagedResourceReconciler<MessageBus>.ReconcileRequestedAnnotation] = "now" } },
        }));

        await Eventually.ReturnsAsync(
            () => ClusterAsync("drifting"),
            current => current is { State: "ACTIVE" } && current.Provisioned!.BrokerNodeGroupInfo!.InstanceType == "kafka.t3.small",
            "the spec's instance type back in MSK",
            TimeSpan.FromSeconds(30));
        Assert.Equal(2, moto.Proxy.Count("kafka", "UpdateBrokerType"));
    }

    [Fact]
    public async Task Buses_converge_through_throttling_and_server_errors_and_then_stay_quiet()
    {
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Probability = 0.3 });
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()) { Probability = 0.1 });
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("clicks", "Delete"));
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("views", "Delete"));
        await ReadyAsync("clicks");
        await ReadyAsync("views");
        moto.Proxy.ClearFaults();

        Assert.Contains(moto.Proxy.Requests, request => request.Fault == AwsFaultKind.Throttle);
        Assert.Equal(2, (await ClustersAsync()).Count);

        // A reconcile of a stable bus reads its connection Secret but writes neither it nor the status.
        var statusWrites = StatusWrites();
        var reads = SecretReads();
        var writes = SecretWrites();
        await _operator.Client.PatchAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "clicks", Kubernetes.Requests.KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ManagedResourceReconciler<MessageBus>.ReconcileRequestedAnnotation] = "2026-11-22T00:00:00Z" } },
        }));
        await Eventually.ReturnsAsync(() => Task.FromResult(SecretReads()), count => count > reads, "the requested reconcile to look at the connection secret");
        // An absence of writes can only be observed over a window: the rest of the reconcile runs within it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(writes, SecretWrites());
        Assert.Equal(statusWrites, StatusWrites());
    }

    private int StatusWrites() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "messagebuses" && request.Subresource == "status" && request.Verb is "update" or "patch");

    private int SecretReads() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "secrets" && request.Verb == "get");

    private int SecretWrites() => _operator.Server.Requests.ResourceRequests().Count(request => request.Resource == "secrets" && request.Verb is "patch" or "update" or "create");
}
