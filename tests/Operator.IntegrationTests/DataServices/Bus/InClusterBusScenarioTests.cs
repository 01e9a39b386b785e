using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>
/// MessageBus with provider inCluster: nothing runs pods here, so the test plays the StatefulSet controller
/// and reports the replicas ready.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class InClusterBusScenarioTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Namespace = "queues";
    private DataServicesOperator _operator = null!;

    public async Task InitializeAsync() => _operator = await DataServicesOperator.StartAsync(moto, Namespace);

    public async Task DisposeAsync() => await _operator.DisposeAsync();

    private static JsonObject Bus(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "MessageBus",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = spec,
    };

    private static JsonObject RabbitMq(string memory) => Bus("notifications", new JsonObject
    {
        ["engine"] = "rabbitmq",
        ["provider"] = "inCluster",
        ["queues"] = new JsonArray(new JsonObject { ["name"] = "emails" }, new JsonObject { ["name"] = "sms", ["deadLetter"] = true }),
        ["resources"] = new JsonObject { ["cpu"] = "250m", ["memory"] = memory, ["storageGiB"] = 2 },
    });

    private Task MarkReadyAsync(string statefulSet, int replicas) =>
        _operator.Client.PatchStatusAsync(ResourceTypes.StatefulSets, Namespace, statefulSet,
            KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = replicas } }));

    private IReadOnlyList<JsonObject> Jobs() => _operator.Server.Store.List("batch", "jobs", Namespace);

    [Fact]
    public async Task Rabbitmq_becomes_ready_with_the_statefulset_and_only_then_declares_the_queues()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, RabbitMq("512Mi"));

        var statefulSet = await _operator.WaitForAsync(ResourceTypes.StatefulSets, Namespace, "notifications", _ => true, "applied");
        var pending = await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "notifications", obj => obj["status"]?["phase"]?.GetValue<string>() == "Creating", "Creating");
        Assert.Equal("False", DataServicesOperator.Condition(pending, "Ready")!["status"]!.GetValue<string>());
        Assert.Equal("MessageBus", statefulSet["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.Contains("rabbitmq:3.12", statefulSet["spec"]!["template"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Jobs());

        await MarkReadyAsync("notifications", 1);
        var ready = await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "notifications", DataServicesOperator.IsReady, "Ready");

        var credentials = await _operator.SecretDataAsync(Namespace, "notifications-credentials");
        var connection = await _operator.SecretDataAsync(Namespace, "notifications-connection");
        var password = credentials["password"];
        Assert.Equal(password, connection["password"]);
        Assert.Equal(32, password.Length);
        Assert.Equal("notifications.queues.svc", connection["host"]);
        Assert.Equal("5672", connection["port"]);
        Assert.Equal("http://notifications.queues.svc:15672", connection["managementUri"]);
        Assert.Equal("notifications.queues.svc", ready["status"]!["endpoint"]!.GetValue<string>());
        var job = (await Eventually.ReturnsAsync(() => Task.FromResult(Jobs()), jobs => jobs.Count == 1, "the queues Job")).Single();
        var declarations = job.ToJsonString();
        Assert.Contains("emails", declarations, StringComparison.Ordinal);
        Assert.Contains("sms", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain(password, declarations, StringComparison.Ordinal);

        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, RabbitMq("1Gi"));
        await Eventually.ReturnsAsync(
            () => _operator.Client.GetAsync(ResourceTypes.StatefulSets, Namespace, "notifications"),
            current => current["spec"]!["template"]!.ToJsonString().Contains("1Gi", StringComparison.Ordinal),
            "the new memory limit in the pod template");
        Assert.Equal(password, (await _operator.SecretDataAsync(Namespace, "notifications-connection"))["password"]);
        Assert.DoesNotContain(password, _operator.ObservableText(), StringComparison.Ordinal);

        await _operator.Client.DeleteAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "notifications");
        await _operator.WaitForGoneAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "notifications");
        await _operator.WaitForGoneAsync(ResourceTypes.StatefulSets, Namespace, "notifications");
    }

    [Fact]
    public async Task Kafka_in_kraft_mode_creates_its_topics_once_every_broker_is_ready()
    {
        await _operator.ApplyAsync(SkyforgeResourceTypes.MessageBuses, Bus("telemetry", new JsonObject
        {
            ["engine"] = "kafka",
            ["provider"] = "inCluster",
            ["brokers"] = 3,
            ["topics"] = new JsonArray(new JsonObject { ["name"] = "metrics", ["partitions"] = 12 }),
            ["resources"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "1Gi", ["storageGiB"] = 5 },
        }));
        await _operator.WaitForAsync(ResourceTypes.StatefulSets, Namespace, "telemetry", obj => obj["spec"]?["replicas"]?.GetValue<int>() == 3, "applied with 3 replicas");

        await MarkReadyAsync("telemetry", 2);
        var partial = await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "telemetry", obj => DataServicesOperator.Condition(obj, "Ready")?["message"]?.GetValue<string>()?.Contains("2/3", StringComparison.Ordinal) == true, "2/3 replicas ready");
        Assert.Equal("False", DataServicesOperator.Condition(partial, "Ready")!["status"]!.GetValue<string>());
        Assert.Empty(Jobs());

        await MarkReadyAsync("telemetry", 3);
        await _operator.WaitForAsync(SkyforgeResourceTypes.MessageBuses, Namespace, "telemetry", DataServicesOperator.IsReady, "Ready");
        var connection = await _operator.SecretDataAsync(Namespace, "telemetry-connection");
        Assert.Equal(3, connection["bootstrapServers"].Split(',').Length);
        Assert.Equal("false", connection["tls"]);
        var job = (await Eventually.ReturnsAsync(() => Task.FromResult(Jobs()), jobs => jobs.Count == 1, "the topics Job")).Single();
        Assert.Contains("metrics", job.ToJsonString(), StringComparison.Ordinal);
    }
}
