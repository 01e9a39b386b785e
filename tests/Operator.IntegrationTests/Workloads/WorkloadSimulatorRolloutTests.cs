using System.Net;
using System.Text.Json.Nodes;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Workloads;

/// <summary>Spec changes, simulated rollouts with a delay on a test clock, and the scripted failing revision.</summary>
public sealed class WorkloadSimulatorRolloutTests : IAsyncLifetime
{
    private static readonly TimeSpan RolloutDelay = TimeSpan.FromSeconds(30);
    private readonly SteppedClock _clock = new();
    private TestApiServer _server = null!;
    private ApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.StartAsync();
        _client = ApiClient.For(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_new_deployment_progresses_until_the_rollout_delay_has_passed()
    {
        var simulator = WorkloadSimulator.Attach(_server, new WorkloadSimulatorOptions { RolloutDelay = RolloutDelay, TimeProvider = _clock });
        await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 2));
        await simulator.SettleAsync();
        var progressing = Deployment("web");

        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var ready = Deployment("web");

        Assert.Equal(1, Workload.Long(progressing, "observedGeneration"));
        Assert.Equal(0, Workload.Long(progressing, "updatedReplicas"));
        Assert.Equal("True/ReplicaSetUpdated", Workload.ConditionText(progressing, "Progressing"));
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(ready, "Progressing"));
        Assert.Equal(2, Workload.Long(ready, "availableReplicas"));
    }

    [Fact]
    public async Task A_new_pod_template_rolls_out_under_a_new_observed_generation_while_old_pods_keep_serving()
    {
        var simulator = WorkloadSimulator.Attach(_server, new WorkloadSimulatorOptions { RolloutDelay = RolloutDelay, TimeProvider = _clock });
        await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 4));
        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var before = Deployment("web");

        await SetImageAsync("deployments", "web", "web:2");
        await simulator.SettleAsync();
        var during = Deployment("web");
        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var after = Deployment("web");

        Assert.Equal(2, Workload.Long(during, "observedGeneration"));
        Assert.Equal(0, Workload.Long(during, "updatedReplicas"));
        Assert.Equal(4, Workload.Long(during, "availableReplicas"));
        Assert.Equal("True/ReplicaSetUpdated", Workload.ConditionText(during, "Progressing"));
        Assert.Equal("True/MinimumReplicasAvailable", Workload.ConditionText(during, "Available"));
        Assert.Equal(2, Workload.Long(after, "observedGeneration"));
        Assert.Equal(4, Workload.Long(after, "updatedReplicas"));
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(after, "Progressing"));
        Assert.NotEqual(Message(before, "Progressing"), Message(after, "Progressing"));
    }

    [Fact]
    public async Task Scaling_without_a_template_change_is_observed_at_once_without_a_rollout()
    {
        var simulator = WorkloadSimulator.Attach(_server, new WorkloadSimulatorOptions { RolloutDelay = RolloutDelay, TimeProvider = _clock });
        await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 2));
        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();

        (await _client.MergePatchAsync("/apis/apps/v1/namespaces/default/deployments/web", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } }))
            .Expect(HttpStatusCode.OK);
        await simulator.SettleAsync();
        var scaled = Deployment("web");

        Assert.Equal(2, Workload.Long(scaled, "observedGeneration"));
        Assert.Equal(5, Workload.Long(scaled, "readyReplicas"));
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(scaled, "Progressing"));
    }

    [Fact]
    public async Task A_statefulset_rollout_keeps_the_current_revision_until_it_completes()
    {
        var simulator = WorkloadSimulator.Attach(_server, new WorkloadSimulatorOptions { RolloutDelay = RolloutDelay, TimeProvider = _clock });
        await CreateAsync("statefulsets", Workload.StatefulSet("db", "db:1", replicas: 3));
        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var first = _server.Store.Get("apps", "statefulsets", "default", "db")!;

        await SetImageAsync("statefulsets", "db", "db:2");
        await simulator.SettleAsync();
        var during = _server.Store.Get("apps", "statefulsets", "default", "db")!;
        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var after = _server.Store.Get("apps", "statefulsets", "default", "db")!;

        Assert.Equal(2, Workload.Long(during, "observedGeneration"));
        Assert.Equal(Workload.Text(first, "currentRevision"), Workload.Text(during, "currentRevision"));
        Assert.NotEqual(Workload.Text(first, "updateRevision"), Workload.Text(during, "updateRevision"));
        Assert.Equal(0, Workload.Long(during, "updatedReplicas"));
        Assert.Equal(Workload.Text(during, "updateRevision"), Workload.Text(after, "currentRevision"));
        Assert.Equal(3, Workload.Long(after, "updatedReplicas"));
    }

    [Fact]
    public async Task A_job_runs_until_the_delay_has_passed_then_completes()
    {
        var simulator = WorkloadSimulator.Attach(_server, new WorkloadSimulatorOptions { RolloutDelay = RolloutDelay, TimeProvider = _clock });
        await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));
        await simulator.SettleAsync();
        var running = _server.Store.Get("batch", "jobs", "default", "migrate")!;

        _clock.Advance(RolloutDelay);
        await simulator.SettleAsync();
        var done = _server.Store.Get("batch", "jobs", "default", "migrate")!;

        Assert.Equal(1, Workload.Long(running, "active"));
        Assert.Null(running["status"]!["conditions"]);
        Assert.Equal("True/CompletionsReached", Workload.ConditionText(done, "Complete"));
        Assert.Equal("2026-03-01T09:00:30Z", Workload.Text(done, "completionTime"));
        Assert.Equal("2026-03-01T09:00:00Z", Workload.Text(done, "startTime"));
    }

    [Fact]
    public async Task A_revision_scripted_to_fail_exceeds_its_deadline_and_reverting_the_template_recovers()
    {
        var simulator = WorkloadSimulator.Attach(_server);
        simulator.Script(WorkloadMatch.ImageContains("broken"), WorkloadBehavior.Failed);
        await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 2));
        await simulator.SettleAsync();

        await SetImageAsync("deployments", "web", "web:2-broken");
        await simulator.SettleAsync();
        var failed = Deployment("web");
        await SetImageAsync("deployments", "web", "web:1");
        await simulator.SettleAsync();
        var rolledBack = Deployment("web");

        Assert.Equal(2, Workload.Long(failed, "observedGeneration"));
        Assert.Equal("False/ProgressDeadlineExceeded", Workload.ConditionText(failed, "Progressing"));
        Assert.Equal(2, Workload.Long(failed, "availableReplicas"));
        Assert.Equal(3, Workload.Long(rolledBack, "observedGeneration"));
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(rolledBack, "Progressing"));
    }

    [Fact]
    public async Task Watchers_see_progressing_then_ready_written_by_the_simulator_not_logged_as_a_client()
    {
        var simulator = WorkloadSimulator.Attach(_server);
        var start = _server.Store.ResourceVersion;
        await using var watch = await _client.WatchAsync($"/apis/apps/v1/namespaces/default/deployments?watch=true&resourceVersion={start}");

        await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 1));
        var added = await watch.NextChangeAsync();
        var progressing = await watch.NextChangeAsync();
        var ready = await watch.NextChangeAsync();
        await simulator.SettleAsync();

        Assert.Equal("ADDED", added["type"]!.GetValue<string>());
        Assert.Equal("MODIFIED", progressing["type"]!.GetValue<string>());
        Assert.Equal("True/ReplicaSetUpdated", Workload.ConditionText((JsonObject)progressing["object"]!, "Progressing"));
        Assert.Equal("MODIFIED", ready["type"]!.GetValue<string>());
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText((JsonObject)ready["object"]!, "Progressing"));
        var statusManager = Assert.Single(Deployment("web")["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>(),
            e => e["subresource"]?.GetValue<string>() == "status");
        Assert.Equal(WorkloadSimulator.FieldManager, statusManager["manager"]!.GetValue<string>());
        Assert.DoesNotContain(_server.Requests.Snapshot(), r => r.Subresource == "status");
    }

    private JsonObject Deployment(string name) => _server.Store.Get("apps", "deployments", "default", name)!;

    private static string Message(JsonObject workload, string condition) => Workload.Condition(workload, condition)["message"]!.GetValue<string>();

    private async Task CreateAsync(string resource, JsonObject manifest)
    {
        var groupVersion = manifest["apiVersion"]!.GetValue<string>();
        (await _client.PostAsync($"/apis/{groupVersion}/namespaces/default/{resource}", manifest)).Expect(HttpStatusCode.Created);
    }

    private async Task SetImageAsync(string resource, string name, string image)
    {
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = image }) },
                },
            },
        };
        (await _client.PatchAsync($"/apis/apps/v1/namespaces/default/{resource}/{name}", "application/strategic-merge-patch+json", patch.ToJsonString()))
            .Expect(HttpStatusCode.OK);
    }
}
