using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>
/// The five seed architectures (config/samples) applied as they are, against moto and the TestKit API server with
/// its workload simulator: data services Ready, then the workloads wired to them, then the AppPlatform Ready with
/// its URL, asserted object by object.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SeedSampleTests(MotoFixture moto) : IAsyncLifetime
{
    private AppScenario? _scenario;

    public Task InitializeAsync() => moto.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_scenario is not null)
        {
            await _scenario.DisposeAsync();
        }
    }

    private async Task<(AppScenario Scenario, JsonObject App)> BringUpAsync(string sample, string region)
    {
        var manifest = AppScenario.Sample(sample);
        var @namespace = manifest["metadata"]!["namespace"]!.GetValue<string>();
        _scenario = await AppScenario.StartAsync(moto, region, @namespace);
        await _scenario.ApplySampleAsync(sample);
        var app = await _scenario.WaitForAppAsync(@namespace, sample, AppScenario.IsReady, "Ready");

        Assert.Equal("Running", app["status"]!["phase"]!.GetValue<string>());
        foreach (var type in new[] { "Ready", "DataServicesReady", "WorkloadsReady" })
        {
            Assert.Equal("True", AppScenario.Condition(app, type)!["status"]!.GetValue<string>());
        }
        Assert.Equal("False", AppScenario.Condition(app, "Progressing")!["status"]!.GetValue<string>());
        Assert.Equal("False", AppScenario.Condition(app, "Degraded")!["status"]!.GetValue<string>());
        Assert.All(app["status"]!["dataServices"]!.AsArray(), data => Assert.True(data!["ready"]!.GetValue<bool>(), data.ToJsonString()));
        Assert.All(app["status"]!["services"]!.AsArray(), service => Assert.Equal("Complete", service!["rollout"]!.GetValue<string>()));
        SeedAssertions.ClusterHoldsTheRender(_scenario, app);
        SeedAssertions.EveryCredentialReferenceResolves(_scenario, @namespace);
        SeedAssertions.WorkloadsWaitedForTheirDataServices(_scenario, app);
        Assert.All(SeedAssertions.Children(_scenario, @namespace), child =>
            Assert.Equal("AppPlatform", child["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>()));
        return (_scenario, app);
    }

    [Fact]
    public async Task Portfolio_two_web_services_behind_an_alb_with_tls_on_rds_postgres_and_redis()
    {
        var (scenario, app) = await BringUpAsync("portfolio", MotoFixture.Region);
        Assert.Equal("https://dev.therpiproject.com", app["status"]!["url"]!.GetValue<string>());

        var backend = (await scenario.GetAsync(ResourceTypes.Deployments, "portfolio", "backend"))!;
        Assert.Equal("db-connection", SeedAssertions.EnvSecret(backend, "DATABASE_HOST"));
        Assert.Equal("cache-connection", SeedAssertions.EnvSecret(backend, "REDIS_PASSWORD"));
        Assert.Equal("/api/v1/health", SeedAssertions.Container(backend)["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("256m", SeedAssertions.Container(backend)["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal(("100%", "0%"), (backend["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<string>(),
            backend["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<string>()));

        var hpa = (await scenario.GetAsync(AppResourceTypes.HorizontalPodAutoscalers, "portfolio", "frontend"))!;
        Assert.Equal((1, 4), (hpa["spec"]!["minReplicas"]!.GetValue<int>(), hpa["spec"]!["maxReplicas"]!.GetValue<int>()));
        var ingress = (await scenario.GetAsync(AppResourceTypes.Ingresses, "portfolio", "portfolio"))!;
        Assert.Equal("alb", ingress["spec"]!["ingressClassName"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:acm:", ingress["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/certificate-arn"]!.GetValue<string>());
        var paths = ingress["spec"]!["rules"]![0]!["http"]!["paths"]!.AsArray().Select(p => (p!["path"]!.GetValue<string>(), p["backend"]!["service"]!["name"]!.GetValue<string>())).ToList();
        Assert.Equal([("/api", "backend"), ("/", "frontend")], paths);

        var database = (await scenario.GetAsync(SkyforgeResourceTypes.ManagedDatabases, "portfolio", "db"))!;
        Assert.Equal(["available"], await RdsInstanceStatesAsync(MotoFixture.Region, database["status"]!["externalName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Cloud_design_k3s_node_ports_with_in_cluster_rabbitmq_and_one_rds_postgres_for_two_services()
    {
        var (scenario, app) = await BringUpAsync("cloud-design", MotoFixture.Region);
        Assert.Equal("http://shop.cloud-design.example.com", app["status"]!["url"]!.GetValue<string>());

        var nodePorts = new[] { "api-gateway", "inventory", "billing" }.Select(name =>
            scenario.Server.Store.Get("", "services", "cloud-design", name)!["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>());
        Assert.Equal([30000, 30001, 30002], nodePorts);
        Assert.Null(scenario.Server.Store.Get("", "services", "cloud-design", "billing-worker"));
        var worker = (await scenario.GetAsync(ResourceTypes.Deployments, "cloud-design", "billing-worker"))!;
        Assert.Equal("postgres-connection", SeedAssertions.EnvSecret(worker, "DB_PASSWORD"));
        Assert.Equal("orders-bus-connection", SeedAssertions.EnvSecret(worker, "AMQP_URI"));
        var gatewayHpa = (await scenario.GetAsync(AppResourceTypes.HorizontalPodAutoscalers, "cloud-design", "api-gateway"))!;
        Assert.Equal(300, gatewayHpa["spec"]!["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]!.GetValue<int>());
        Assert.Equal("traefik", (await scenario.GetAsync(AppResourceTypes.Ingresses, "cloud-design", "cloud-design"))!["spec"]!["ingressClassName"]!.GetValue<string>());

        Assert.NotNull(await scenario.GetAsync(ResourceTypes.StatefulSets, "cloud-design", "orders-bus"));
        var jobs = scenario.List(ResourceTypes.Jobs, "cloud-design").Select(job => job["metadata"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(jobs, name => name.StartsWith("postgres", StringComparison.Ordinal));
        Assert.Contains(jobs, name => name.StartsWith("orders-bus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wallet_aurora_with_readers_redis_cluster_msk_a_generated_api_key_and_monitoring_without_prometheus_crds()
    {
        var (scenario, app) = await BringUpAsync("wallet", MotoFixture.Region);
        Assert.Equal("https://api.wallet.example.com", app["status"]!["url"]!.GetValue<string>());
        Assert.Contains("ServiceMonitor wallet not created", app["status"]!["observabilityMessage"]!.GetValue<string>());

        var service = (await scenario.GetAsync(ResourceTypes.Deployments, "wallet", "wallet-service"))!;
        Assert.Equal("ledger-connection", SeedAssertions.EnvSecret(service, "DB_READER_HOST"));
        Assert.Equal("events-connection", SeedAssertions.EnvSecret(service, "KAFKA_BOOTSTRAP_SERVERS"));
        Assert.Equal("api-key", SeedAssertions.EnvSecret(service, "API_KEY_KEY"));
        var account = (await scenario.GetAsync(ResourceTypes.ServiceAccounts, "wallet", "wallet-service"))!;
        Assert.Equal("arn:aws:iam::111122223333:role/wallet-service", account["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]!.GetValue<string>());
        var ingress = (await scenario.GetAsync(AppResourceTypes.Ingresses, "wallet", "wallet"))!;
        Assert.StartsWith("arn:aws:wafv2:", ingress["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/wafv2-acl-arn"]!.GetValue<string>());
        Assert.NotEmpty(scenario.List(AppResourceTypes.NetworkPolicies, "wallet"));
        Assert.Equal(3, (await scenario.GetAsync(AppResourceTypes.HorizontalPodAutoscalers, "wallet", "wallet-service"))!["spec"]!["minReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Shangwellness_canary_web_app_on_aurora_mysql_serverless_in_ap_south_1()
    {
        var (scenario, app) = await BringUpAsync("shangwellness", "ap-south-1");
        Assert.Equal("https://app.shangwellness.com", app["status"]!["url"]!.GetValue<string>());
        var stable = (await scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web"))!;
        var canary = (await scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web-canary"))!;
        Assert.Equal(0, canary["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("aurora-connection", SeedAssertions.EnvSecret(stable, "DB_PASSWORD"));
        var ingress = (await scenario.GetAsync(AppResourceTypes.Ingresses, "shangwellness", "shangwellness"))!;
        var action = JsonNode.Parse(ingress["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/actions.web"]!.GetValue<string>())!;
        Assert.Equal([100, 0], action["forwardConfig"]!["targetGroups"]!.AsArray().Select(group => group!["weight"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Palipoint_web_services_and_a_kafka_worker_on_postgres_serverless_redis_and_msk_in_ap_south_1()
    {
        var (scenario, app) = await BringUpAsync("palipoint", "ap-south-1");
        Assert.Equal("https://www.palipoint.com", app["status"]!["url"]!.GetValue<string>());
        var backend = (await scenario.GetAsync(ResourceTypes.Deployments, "palipoint", "backend"))!;
        Assert.Equal("cache-connection", SeedAssertions.EnvSecret(backend, "REDIS_HOST"));
        Assert.Equal("events-connection", SeedAssertions.EnvSecret(backend, "KAFKA_BOOTSTRAP_SERVERS"));
        var worker = (await scenario.GetAsync(ResourceTypes.Deployments, "palipoint", "notification-worker"))!;
        Assert.Equal(2, worker["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("main-connection", SeedAssertions.EnvSecret(worker, "DB_HOST"));
        Assert.Null(await scenario.GetAsync(ResourceTypes.Services, "palipoint", "notification-worker"));
        var cache = (await scenario.GetAsync(SkyforgeResourceTypes.ManagedCaches, "palipoint", "cache"))!;
        Assert.Contains("ap-south-1", cache["status"]!["arn"]!.GetValue<string>());
        Assert.Contains(scenario.List(ResourceTypes.Jobs, "palipoint"), job => job["metadata"]!["name"]!.GetValue<string>().StartsWith("events", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> RdsInstanceStatesAsync(string region, string identifier)
    {
        var answer = await MotoQuery.CallAsync(moto.Moto.Endpoint, region, "rds", "2014-10-31", "DescribeDBInstances", [new("DBInstanceIdentifier", identifier)]);
        return MotoQuery.Values(answer, "DBInstanceStatus");
    }
}
