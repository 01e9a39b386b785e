using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using static Skyforge.Operator.Tests.Builders.DataServices.TestResources;

namespace Skyforge.Operator.Tests.Builders.DataServices;

/// <summary>Properties every desired state must have, whatever the kind and provider.</summary>
public sealed class InClusterSafetyTests
{
    public static TheoryData<string> Cases() => [.. Builds.Keys];

    /// <summary>One build per kind, provider and engine that produces pods.</summary>
    private static readonly Dictionary<string, Func<ISecretSource, (DesiredState State, ResourceIdentity Owner)>> Builds = new()
    {
        ["postgres in-cluster"] = s => (ManagedDatabaseBuilder.Build(Database("pg", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, Provider = Provider.InCluster, Databases = ["a", "b"] }), Context, s), Identity("ManagedDatabase", "pg")),
        ["mysql in-cluster"] = s => (ManagedDatabaseBuilder.Build(Database("my", new ManagedDatabaseSpec { Engine = DatabaseEngine.MySql, Provider = Provider.InCluster }), Context, s), Identity("ManagedDatabase", "my")),
        ["postgres on RDS"] = s => (ManagedDatabaseBuilder.Build(Database("rds", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, Databases = ["inventory", "billing"] }), Context, s), Identity("ManagedDatabase", "rds")),
        ["aurora mysql"] = s => (ManagedDatabaseBuilder.Build(Database("aurora", new ManagedDatabaseSpec { Engine = DatabaseEngine.AuroraMySql, Replicas = 2 }), Context, s), Identity("ManagedDatabase", "aurora")),
        ["redis in-cluster"] = s => (ManagedCacheBuilder.Build(Cache("redis", new ManagedCacheSpec { Provider = Provider.InCluster, ReplicasPerShard = 1 }), Context, s), Identity("ManagedCache", "redis")),
        ["redis on ElastiCache"] = s => (ManagedCacheBuilder.Build(Cache("ec", new ManagedCacheSpec { Mode = CacheMode.Cluster, Shards = 2 }), Context, s), Identity("ManagedCache", "ec")),
        ["kafka in-cluster"] = s => (MessageBusBuilder.Build(Bus("kafka", new MessageBusSpec { Engine = BusEngine.Kafka, Provider = Provider.InCluster, Topics = [new TopicSpec { Name = "t" }] }), Context, s), Identity("MessageBus", "kafka")),
        ["kafka on MSK"] = s => (MessageBusBuilder.Build(Bus("msk", new MessageBusSpec { Engine = BusEngine.Kafka, Network = Network("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"), Brokers = 2, Topics = [new TopicSpec { Name = "t" }] }), Context, s), Identity("MessageBus", "msk")),
        ["rabbitmq in-cluster"] = s => (MessageBusBuilder.Build(Bus("rabbit", new MessageBusSpec { Engine = BusEngine.RabbitMq, Queues = [new QueueSpec { Name = "orders", DeadLetter = true }] }), Context, s), Identity("MessageBus", "rabbit")),
        ["generated secret"] = s => (ManagedSecretBuilder.Build(Secret("keys", new ManagedSecretSpec { Source = new SecretSource { Generate = new GeneratedSecretSource { Keys = ["a", "b"] } } }), Context, s), Identity("ManagedSecret", "keys")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_secret_value_appears_outside_secrets_and_the_aws_calls_that_carry_it(string build)
    {
        var secrets = new RecordingSecrets();
        var (state, _) = Builds[build](secrets);

        foreach (var item in state.Objects.Where(item => (string?)item["kind"] != "Secret"))
        {
            var text = item.ToJsonString();
            Assert.All(secrets.Values, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        }
        string[] carriers = ["CreateSecret", "CreateDBInstance", "CreateDBCluster", "CreateReplicationGroup", "CreateUser"];
        foreach (var call in state.AwsCalls.Where(call => !carriers.Contains(call.Operation)))
        {
            var text = call.Parameters.ToJsonString();
            Assert.All(secrets.Values, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pods_read_credentials_only_through_secret_key_refs(string build)
    {
        var (state, _) = Builds[build](new RecordingSecrets());

        foreach (var container in Workloads(state).SelectMany(workload => workload.AllContainers()))
        {
            foreach (var env in container["env"]?.AsArray() ?? [])
            {
                var name = (string)env!["name"]!;
                if (name.Contains("PASS", StringComparison.Ordinal) || name.Contains("AUTH", StringComparison.Ordinal))
                {
                    Assert.Null(env["value"]);
                    Assert.NotNull(env["valueFrom"]!["secretKeyRef"]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_pod_runs_restricted(string build)
    {
        var (state, _) = Builds[build](new RecordingSecrets());

        foreach (var workload in Workloads(state))
        {
            var pod = workload.PodSpec();
            var podSecurity = pod["securityContext"]!;
            Assert.True((bool)podSecurity["runAsNonRoot"]!);
            Assert.True((long)podSecurity["runAsUser"]! > 0);
            Assert.Equal("RuntimeDefault", (string?)podSecurity["seccompProfile"]!["type"]);
            Assert.False((bool)pod["automountServiceAccountToken"]!);
            foreach (var container in workload.AllContainers())
            {
                var security = container["securityContext"]!;
                Assert.False((bool)security["allowPrivilegeEscalation"]!);
                Assert.True((bool)security["readOnlyRootFilesystem"]!);
                Assert.True((bool)security["runAsNonRoot"]!);
                Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(x => (string)x!));
                Assert.Null(security["privileged"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_object_is_owned_by_its_resource_and_labelled_as_managed(string build)
    {
        var (state, owner) = Builds[build](new RecordingSecrets());

        Assert.All(state.Objects, item =>
        {
            var metadata = item["metadata"]!;
            Assert.Equal(owner.Namespace, (string?)metadata["namespace"]);
            var reference = Assert.Single(metadata["ownerReferences"]!.AsArray())!;
            Assert.Equal(owner.Kind, (string?)reference["kind"]);
            Assert.Equal(owner.Name, (string?)reference["name"]);
            Assert.Equal(owner.Uid, (string?)reference["uid"]);
            Assert.True((bool)reference["controller"]!);
            Assert.Equal("skyforge", (string?)metadata["labels"]![Manifest.ManagedByLabel]);
            Assert.Equal(owner.Name, (string?)metadata["labels"]![Manifest.InstanceLabel]);
        });
    }

    [Fact]
    public void Composed_resources_are_labelled_part_of_their_application()
    {
        var resource = Database("orders", new ManagedDatabaseSpec { Engine = DatabaseEngine.Postgres, Provider = Provider.InCluster });
        resource.Metadata.OwnerReferences = [new OwnerReference(Group.ApiVersion, "AppPlatform", "cloud-design", "uid-1") { Controller = true }];

        var state = ManagedDatabaseBuilder.Build(resource, Context, new RecordingSecrets());

        Assert.All(state.Objects, item => Assert.Equal("cloud-design", (string?)item["metadata"]!["labels"]![Manifest.PartOfLabel]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Building_twice_gives_the_same_desired_state(string build)
    {
        var secrets = new RecordingSecrets();
        var (first, _) = Builds[build](secrets);
        var (second, _) = Builds[build](secrets);

        Assert.Equal(first.Objects.Select(o => o.ToJsonString()), second.Objects.Select(o => o.ToJsonString()));
        Assert.Equal(first.AwsCalls.Select(c => c.Parameters.ToJsonString()), second.AwsCalls.Select(c => c.Parameters.ToJsonString()));
    }

    private static IEnumerable<JsonObject> Workloads(DesiredState state) =>
        state.Objects.Where(item => (string?)item["kind"] is "StatefulSet" or "Job");
}
