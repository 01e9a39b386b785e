using System.Net;
using System.Text.Json.Nodes;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Workloads;

/// <summary>Each scripted mode, for each workload kind the simulator plays.</summary>
public sealed class WorkloadSimulatorModeTests : IAsyncLifetime
{
    private TestApiServer _server = null!;
    private ApiClient _client = null!;
    private WorkloadSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.StartAsync();
        _client = ApiClient.For(_server);
        _simulator = WorkloadSimulator.Attach(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_ready_deployment_reports_every_replica_available_for_its_generation()
    {
        var deployment = await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 3));

        Assert.Equal(1, Workload.Long(deployment, "observedGeneration"));
        Assert.Equal([3, 3, 3, 3], new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas" }.Select(f => Workload.Long(deployment, f)));
        Assert.Equal("True/MinimumReplicasAvailable", Workload.ConditionText(deployment, "Available"));
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(deployment, "Progressing"));
    }

    [Fact]
    public async Task A_ready_statefulset_reports_every_replica_ready_on_one_revision()
    {
        var statefulSet = await CreateAsync("statefulsets", Workload.StatefulSet("db", "db:1", replicas: 2));

        Assert.Equal(1, Workload.Long(statefulSet, "observedGeneration"));
        Assert.Equal([2, 2, 2, 2, 2], new[] { "replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas" }.Select(f => Workload.Long(statefulSet, f)));
        Assert.StartsWith("db-", Workload.Text(statefulSet, "updateRevision"), StringComparison.Ordinal);
        Assert.Equal(Workload.Text(statefulSet, "updateRevision"), Workload.Text(statefulSet, "currentRevision"));
    }

    [Fact]
    public async Task A_ready_job_completes()
    {
        var job = await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));

        Assert.Equal(1, Workload.Long(job, "succeeded"));
        Assert.Equal("True/CompletionsReached", Workload.ConditionText(job, "Complete"));
        Assert.Equal("True/CompletionsReached", Workload.ConditionText(job, "SuccessCriteriaMet"));
        Assert.NotEmpty(Workload.Text(job, "startTime"));
        Assert.NotEmpty(Workload.Text(job, "completionTime"));
    }

    [Fact]
    public async Task A_progressing_deployment_reports_the_scripted_share_of_ready_replicas()
    {
        _simulator.Script(WorkloadMatch.Named("default", "web"), WorkloadBehavior.Progressing(readyReplicas: 1));

        var deployment = await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 3));

        Assert.Equal([3, 1, 1, 1], new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas" }.Select(f => Workload.Long(deployment, f)));
        Assert.Equal("True/ReplicaSetUpdated", Workload.ConditionText(deployment, "Progressing"));
        Assert.Equal("False/MinimumReplicasUnavailable", Workload.ConditionText(deployment, "Available"));
    }

    [Fact]
    public async Task A_progressing_statefulset_and_job_are_still_under_way()
    {
        _simulator.Script(WorkloadMatch.All(WorkloadKind.StatefulSet), WorkloadBehavior.Progressing(readyReplicas: 1));
        _simulator.Script(WorkloadMatch.All(WorkloadKind.Job), WorkloadBehavior.Progressing());

        var statefulSet = await CreateAsync("statefulsets", Workload.StatefulSet("db", "db:1", replicas: 3));
        var job = await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));

        Assert.Equal(1, Workload.Long(statefulSet, "readyReplicas"));
        Assert.Equal(3, Workload.Long(statefulSet, "replicas"));
        Assert.Equal(1, Workload.Long(job, "active"));
        Assert.Null(job["status"]!["conditions"]);
        Assert.Null(job["status"]!["completionTime"]);
    }

    [Fact]
    public async Task A_failed_deployment_exceeds_its_progress_deadline()
    {
        _simulator.Script(WorkloadMatch.Named("default", "web", WorkloadKind.Deployment), WorkloadBehavior.Failed);

        var deployment = await CreateAsync("deployments", Workload.Deployment("web", "web:1", replicas: 2));

        Assert.Equal("False/ProgressDeadlineExceeded", Workload.ConditionText(deployment, "Progressing"));
        Assert.Equal("False/MinimumReplicasUnavailable", Workload.ConditionText(deployment, "Available"));
        Assert.Equal(0, Workload.Long(deployment, "availableReplicas"));
        Assert.Equal(1, Workload.Long(deployment, "observedGeneration"));
    }

    [Fact]
    public async Task A_failed_statefulset_never_gets_ready()
    {
        _simulator.Script(WorkloadMatch.Labels("tier=data"), WorkloadBehavior.Failed);
        var manifest = Workload.StatefulSet("db", "db:1", replicas: 2);
        manifest["metadata"]!["labels"] = new JsonObject { ["tier"] = "data" };

        var statefulSet = await CreateAsync("statefulsets", manifest);

        Assert.Equal(0, Workload.Long(statefulSet, "readyReplicas"));
        Assert.Equal(2, Workload.Long(statefulSet, "replicas"));
        Assert.Equal(1, Workload.Long(statefulSet, "observedGeneration"));
    }

    [Fact]
    public async Task A_failed_job_hits_its_backoff_limit()
    {
        _simulator.Script(WorkloadMatch.Named("default", "migrate"), WorkloadBehavior.Failed);

        var job = await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));

        Assert.Equal("True/BackoffLimitExceeded", Workload.ConditionText(job, "Failed"));
        Assert.Equal("True/BackoffLimitExceeded", Workload.ConditionText(job, "FailureTarget"));
        Assert.Equal(3, Workload.Long(job, "failed"));
        Assert.Null(job["status"]!["completionTime"]);
    }

    [Fact]
    public async Task Held_workloads_keep_whatever_status_they_have()
    {
        _simulator.Script(WorkloadMatch.All(), WorkloadBehavior.Hold);

        var deployment = await CreateAsync("deployments", Workload.Deployment("web", "web:1"));
        var statefulSet = await CreateAsync("statefulsets", Workload.StatefulSet("db", "db:1"));
        var job = await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));

        Assert.Null(deployment["status"]);
        Assert.Null(statefulSet["status"]);
        Assert.Null(job["status"]);
    }

    [Fact]
    public async Task Removing_a_scripted_rule_returns_the_workload_to_the_default_behaviour()
    {
        var hold = _simulator.Script(WorkloadMatch.Labels("app=web"), WorkloadBehavior.Hold);
        Assert.Null((await CreateAsync("deployments", Workload.Deployment("web", "web:1")))["status"]);

        hold.Dispose();
        await _simulator.SettleAsync();

        var deployment = _server.Store.Get("apps", "deployments", "default", "web")!;
        Assert.Equal("True/NewReplicaSetAvailable", Workload.ConditionText(deployment, "Progressing"));
    }

    [Fact]
    public async Task A_finished_job_stays_finished_whatever_is_scripted_later()
    {
        var completed = await CreateAsync("jobs", Workload.Job("migrate", "migrate:1"));

        _simulator.Script(WorkloadMatch.All(), WorkloadBehavior.Failed);
        await _simulator.SettleAsync();

        var job = _server.Store.Get("batch", "jobs", "default", "migrate")!;
        Assert.Equal(completed["metadata"]!["resourceVersion"]!.GetValue<string>(), job["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("True/CompletionsReached", Workload.ConditionText(job, "Complete"));
    }

    private async Task<JsonObject> CreateAsync(string resource, JsonObject manifest)
    {
        var group = manifest["apiVersion"]!.GetValue<string>();
        (await _client.PostAsync($"/apis/{group}/namespaces/default/{resource}", manifest)).Expect(HttpStatusCode.Created);
        await _simulator.SettleAsync();
        return _server.Store.Get(group.Split('/')[0], resource, "default", manifest["metadata"]!["name"]!.GetValue<string>())!;
    }
}
