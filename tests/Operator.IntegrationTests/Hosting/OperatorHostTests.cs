using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Skyforge.Kubernetes;
using Skyforge.Operator.IntegrationTests.ApiServer;
using Skyforge.Runtime.DependencyInjection;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.Hosting;

public sealed partial class OperatorHostTests : IAsyncLifetime
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-host-{Guid.NewGuid():N}.yaml");
    private static readonly string[] ElectInDefault = ["--leader-elect", "--leader-election-namespace", "default"];
    private TestApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestApiServer.StartAsync(new TestApiServerOptions());
        _server.WriteKubeconfig(_kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    [Fact]
    public async Task Serves_health_readiness_and_metrics_then_stops_cleanly_when_cancelled()
    {
        await using var running = await RunningOperator.StartAsync(_kubeconfig);

        using (var live = await running.GetAsync(running.HealthUrl, "/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        await Eventually.TrueAsync(async () => await StatusAsync(running, running.HealthUrl, "/readyz") == HttpStatusCode.OK, "/readyz answers 200");
        using var metrics = await running.GetAsync(running.MetricsUrl, "/metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE skyforge_reconcile_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE skyforge_reconcile_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE skyforge_workqueue_depth gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE skyforge_kubernetes_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE skyforge_aws_calls_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE skyforge_aws_call_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^process_resident_memory_bytes \d+$", text);
        Assert.Matches(@"(?m)^process_start_time_seconds \d+(\.\d+)?$", text);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(running, running.HealthUrl, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(running, running.MetricsUrl, "/readyz"));

        Assert.Equal(0, await running.StopAsync());
        Assert.Contains(running.Logs.All, line => line.EndsWith(": stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Module_controllers_run_and_a_stop_waits_for_the_reconcile_in_flight()
    {
        var reconciler = new GatedReconciler();
        var module = new DelegateModule(services => services
            .AddSingleton(reconciler)
            .AddController<GatedReconciler>("test-configmaps", ResourceTypes.ConfigMaps, controller => controller.WithWorkers(1)));
        using var queue = new QueueDepthProbe("test-configmaps");
        await using var running = await RunningOperator.StartAsync(_kubeconfig, modules: [module]);
        using var api = ApiClient.For(_server);

        await CreateConfigMapAsync(api, "held");
        await reconciler.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await CreateConfigMapAsync(api, "waiting");
        await Eventually.TrueAsync(() => queue.Depth == 1, "the second key waits behind the held reconcile");
        var text = await running.MetricsAsync();
        Assert.Contains("skyforge_workqueue_adds_total{name=\"test-configmaps\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("skyforge_workqueue_depth{name=\"test-configmaps\"} 1\n", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^skyforge_kubernetes_requests_total\{code=""200"",resource=""configmaps"",verb=""list""\} \d+$", text);

        var stopping = running.StopAsync();
        // The controllers' stop empties the queue first, then waits for the workers.
        await Eventually.TrueAsync(() => queue.Depth == 0, "the controller's queue has shut down");
        Assert.False(stopping.IsCompleted, "the stop waits for the reconcile in flight");
        reconciler.Release();

        Assert.Equal(0, await stopping);
        Assert.False(await reconciler.FinishedCancelled.WaitAsync(TimeSpan.FromSeconds(1)), "the reconcile in flight finished without being cancelled");
    }

    [Fact]
    public async Task With_leader_election_the_lease_is_taken_exposed_in_metrics_and_released_on_stop()
    {
        await using var running = await RunningOperator.StartAsync(
            _kubeconfig,
            ["--leader-elect", "--leader-election-namespace", "default"],
            new() { ["POD_NAME"] = "skyforge-test-0" });

        await Eventually.TrueAsync(() => Holder() is { Length: > 0 }, "the lease names a holder");
        Assert.StartsWith("skyforge-test-0_", Holder(), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await StatusAsync(running, running.HealthUrl, "/readyz") == HttpStatusCode.OK, "/readyz answers 200");
        var text = await running.MetricsAsync();
        Assert.Matches(@"(?m)^skyforge_leader_election_is_leader\{lease=""[^""]*skyforge-operator[^""]*""\} 1$", text);
        Assert.Matches(@"(?m)^skyforge_kubernetes_requests_total\{code=""20[01]"",resource=""leases\.coordination\.k8s\.io"",verb=""[a-z]+""\} \d+$", text);
        Assert.Matches(@"(?m)^skyforge_kubernetes_request_duration_seconds_bucket\{code=""20[01]"",resource=""leases\.coordination\.k8s\.io"",verb=""[a-z]+"",le=""\+Inf""\} \d+$", text);

        Assert.Equal(0, await running.StopAsync());
        Assert.True(string.IsNullOrEmpty(Holder()), "a clean stop releases the lease for the standby");
    }

    [Fact]
    public async Task A_standby_replica_is_ready_without_leading()
    {
        await using var first = await RunningOperator.StartAsync(_kubeconfig, ElectInDefault);
        await using var second = await RunningOperator.StartAsync(_kubeconfig, ElectInDefault);

        var readiness = new List<string>();
        foreach (var replica in new[] { first, second })
        {
            await Eventually.TrueAsync(async () => await StatusAsync(replica, replica.HealthUrl, "/readyz") == HttpStatusCode.OK, "every replica is ready");
            using var ready = await replica.GetAsync(replica.HealthUrl, "/readyz");
            readiness.Add(await ready.Content.ReadAsStringAsync());
        }

        Assert.Equal(
            ["ok\ncontrollers: ok (caches synced; leading)\n", "ok\ncontrollers: ok (caches synced; standby)\n"],
            readiness.Order(StringComparer.Ordinal));
        var leaders = 0;
        foreach (var replica in new[] { first, second })
        {
            leaders += IsLeader().IsMatch(await replica.MetricsAsync()) ? 1 : 0;
        }
        Assert.Equal(1, leaders);
    }

    [Fact]
    public async Task Readiness_is_503_with_a_reason_until_leadership_is_known()
    {
        _server.Faults.RespondNext(1_000_000, 500, resource: "leases");
        await using var running = await RunningOperator.StartAsync(_kubeconfig, ElectInDefault);

        using (var notReady = await running.GetAsync(running.HealthUrl, "/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal(
                "not ready\ncontrollers: failed (caches syncing or leadership unknown)\n",
                await notReady.Content.ReadAsStringAsync());
        }
        using (var live = await running.GetAsync(running.HealthUrl, "/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        _server.Faults.Clear();
        await Eventually.TrueAsync(async () => await StatusAsync(running, running.HealthUrl, "/readyz") == HttpStatusCode.OK, "/readyz turns 200", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_missing_kubeconfig_fails_start_up_with_exit_code_1_and_names_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"skyforge-missing-{Guid.NewGuid():N}", "config");

        var (exit, stderr, logs) = await RunningOperator.RunToExitAsync(["--kubeconfig", missing, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"]);

        Assert.Equal(1, exit);
        Assert.Equal($"skyforge run: cannot load the Kubernetes configuration: kubeconfig {missing} does not exist\n", stderr.ReplaceLineEndings("\n"));
        Assert.Contains(logs.All, line => line.StartsWith("Critical ", StringComparison.Ordinal) && line.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_port_in_use_fails_start_up_with_exit_code_1()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exit, stderr, _) = await RunningOperator.RunToExitAsync(
            ["--kubeconfig", _kubeconfig, "--metrics-addr", $"127.0.0.1:{port}", "--health-addr", "127.0.0.1:0"]);

        Assert.Equal(1, exit);
        Assert.StartsWith("skyforge run: start-up failed:", stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    private static async Task CreateConfigMapAsync(ApiClient api, string name) =>
        (await api.PostAsync("/api/v1/namespaces/default/configmaps", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name },
        })).Expect(HttpStatusCode.Created);

    private string? Holder() =>
        _server.Store.Get("coordination.k8s.io", "leases", "default", "skyforge-operator")?["spec"]?["holderIdentity"]?.GetValue<string>();

    private static async Task<HttpStatusCode> StatusAsync(RunningOperator running, Uri listener, string path)
    {
        using var response = await running.GetAsync(listener, path);
        return response.StatusCode;
    }

    [GeneratedRegex(@"(?m)^skyforge_leader_election_is_leader\{[^}]*\} 1$")]
    private static partial Regex IsLeader();
}
