using System.Diagnostics;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Aws;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>
/// An AppPlatform's life beyond rollouts: workloads held until their data services are Ready, a removed service's
/// objects deleted, the AppPlatform's deletion honouring each data service's deletion policy, no writes while idle,
/// a spec the rules refuse, and monitoring objects once the Prometheus Operator's CRDs are served.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LifecycleScenarioTests(MotoFixture moto) : IAsyncLifetime
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

    [Fact]
    public async Task Workloads_wait_until_the_data_service_they_use_is_ready()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        var hold = _scenario.Workloads.Script(WorkloadMatch.All(WorkloadKind.StatefulSet), WorkloadBehavior.Hold);
        var app = AppManifests.Web("shop:1", "{strategy: RollingUpdate}", target: "k3s", extra: """
              databases:
                - name: db
                  spec: {engine: postgres, version: "16", provider: inCluster, deletionPolicy: Delete}
            """);
        app["spec"]!["services"]![0]!["uses"] = new JsonArray(new JsonObject { ["database"] = "db", ["envPrefix"] = "DB" });
        await _scenario.ApplyAsync(app);

        var waiting = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop",
            current => AppScenario.Condition(current, "Ready")?["reason"]?.GetValue<string>() == "DependencyNotReady", "DependencyNotReady");
        Assert.Equal("web waits for db", AppScenario.Condition(waiting, "WorkloadsReady")!["message"]!.GetValue<string>());
        Assert.Equal("Provisioning", waiting["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Waiting", AppScenario.ServiceStatus(waiting, "web")!["rollout"]!.GetValue<string>());
        Assert.NotNull(await _scenario.GetAsync(ResourceTypes.Services, AppManifests.Namespace, "web"));
        Assert.Null(await _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"));

        hold.Dispose();
        await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", AppScenario.IsReady, "Ready");
        var deployment = (await _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"))!;
        Assert.Equal("db-connection", SeedAssertions.EnvSecret(deployment, "DB_PASSWORD"));
        SeedAssertions.EveryCredentialReferenceResolves(_scenario, AppManifests.Namespace);
    }

    [Fact]
    public async Task A_removed_service_loses_its_objects_and_deleting_the_app_applies_each_deletion_policy()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, "cloud-design");
        var manifest = await _scenario.ApplySampleAsync("cloud-design");
        await _scenario.WaitForAppAsync("cloud-design", "cloud-design", AppScenario.IsReady, "Ready");
        var database = (await _scenario.GetAsync(SkyforgeResourceTypes.ManagedDatabases, "cloud-design", "postgres"))!;
        var instance = database["status"]!["externalName"]!.GetValue<string>();

        var services = manifest["spec"]!["services"]!.AsArray();
        services.Remove(services.Single(s => s!["name"]!.GetValue<string>() == "billing"));
        services.Remove(services.Single(s => s!["name"]!.GetValue<string>() == "billing-worker"));
        await _scenario.ApplyAsync(manifest);
        await Eventually.ReturnsAsync(() => Task.FromResult(_scenario.List(ResourceTypes.Deployments, "cloud-design").Count), count => count == 2, "two Deployments left");
        foreach (var (type, name) in new[] { (ResourceTypes.Services, "billing"), (AppResourceTypes.NetworkPolicies, "billing-allow-ingress"), (ResourceTypes.ServiceAccounts, "billing-worker") })
        {
            await Eventually.ReturnsAsync(() => _scenario.GetAsync(type, "cloud-design", name), gone => gone is null, $"{type.Kind} {name} deleted");
        }
        await Eventually.ReturnsAsync(() => _scenario.Client.GetAsync(AppResourceTypes.Ingresses, "cloud-design", "cloud-design"),
            ingress => ingress["spec"]!["rules"]![0]!["http"]!["paths"]!.AsArray().All(path => path!["path"]!.GetValue<string>() != "/billing"), "the /billing route gone");
        Assert.NotNull(await _scenario.GetAsync(ResourceTypes.Deployments, "cloud-design", "inventory"));

        await _scenario.Client.DeleteAsync(AppResourceTypes.AppPlatforms, "cloud-design", "cloud-design");
        await Eventually.ReturnsAsync(() => _scenario.GetAsync(SkyforgeResourceTypes.ManagedDatabases, "cloud-design", "postgres"), gone => gone is null, "the composed database deleted", TimeSpan.FromSeconds(60));
        await Eventually.ReturnsAsync(() => _scenario.GetAsync(ResourceTypes.StatefulSets, "cloud-design", "orders-bus"), gone => gone is null, "the in-cluster RabbitMQ deleted", TimeSpan.FromSeconds(30));
        Assert.Empty(_scenario.List(ResourceTypes.Deployments, "cloud-design"));
        var snapshots = await MotoQuery.CallAsync(moto.Moto.Endpoint, MotoFixture.Region, "rds", "2014-10-31", "DescribeDBSnapshots", [new("DBInstanceIdentifier", instance)]);
        Assert.Single(MotoQuery.Values(snapshots, "DBSnapshotIdentifier"));
        var instances = await MotoQuery.CallAsync(moto.Moto.Endpoint, MotoFixture.Region, "rds", "2014-10-31", "DescribeDBInstances", []);
        Assert.DoesNotContain(instance, MotoQuery.Values(instances, "DBInstanceIdentifier"));
    }

    [Fact]
    public async Task An_idle_ready_app_costs_no_writes()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, "portfolio");
        await _scenario.ApplySampleAsync("portfolio");
        await _scenario.WaitForAppAsync("portfolio", "portfolio", AppScenario.IsReady, "Ready");
        var quietSince = await QuietAsync();

        await _scenario.Client.PatchAsync(AppResourceTypes.AppPlatforms, "portfolio", "portfolio", KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["skyforge.dev/reconcile-requested-at"] = "2026-11-22T10:00:00Z" } },
        }));
        await Eventually.ReturnsAsync(() => Task.FromResult(_scenario.Logs.Lines.Count(line => line.Contains("appplatform", StringComparison.OrdinalIgnoreCase) && line.Contains("portfolio/portfolio", StringComparison.Ordinal))),
            count => count > 0, "the requested reconcile");
        for (var idle = Stopwatch.StartNew(); idle.Elapsed < TimeSpan.FromSeconds(3); await Task.Delay(100))
        {
            var writes = _scenario.OperatorWrites(quietSince);
            Assert.True(writes.Count == 0, $"writes while idle: {string.Join(", ", writes.Select(w => $"{w.Verb} {w.Resource}/{w.Name} {w.Subresource}"))}");
        }
    }

    [Fact]
    public async Task A_spec_the_rules_refuse_is_InvalidSpec_naming_the_field_and_nothing_is_created()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        var app = AppManifests.Web("shop:1", "{strategy: RollingUpdate}");
        app["spec"]!["services"]![0]!["uses"] = new JsonArray(new JsonObject { ["database"] = "missing", ["envPrefix"] = "DB" });
        await _scenario.ApplyAsync(app);

        var invalid = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop",
            current => AppScenario.Condition(current, "Ready")?["reason"]?.GetValue<string>() == "InvalidSpec", "InvalidSpec");
        Assert.Contains("spec.services[0].uses[0].database", AppScenario.Condition(invalid, "Ready")!["message"]!.GetValue<string>());
        Assert.Equal("Failed", invalid["status"]!["phase"]!.GetValue<string>());
        await Eventually.ReturnsAsync(() => Task.FromResult(_scenario.Server.Store.List("", "events", AppManifests.Namespace)),
            events => events.Any(e => e["reason"]!.GetValue<string>() == "InvalidSpec" && e["type"]!.GetValue<string>() == "Warning"
                && e["message"]!.GetValue<string>().Contains("uses[0].database", StringComparison.Ordinal)), "a Warning event naming the field");
        Assert.Empty(_scenario.List(ResourceTypes.Deployments, AppManifests.Namespace));
        Assert.Empty(_scenario.List(ResourceTypes.Services, AppManifests.Namespace));
    }

    [Fact]
    public async Task Monitoring_objects_are_created_once_the_prometheus_operator_crds_are_served()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        MonitoringCrds.Install(_scenario.Server);
        var app = AppManifests.Web("shop:1", "{strategy: RollingUpdate}", extra: """
              observability: {serviceMonitor: true, alerts: {cpuPercent: 80}}
            """);
        app["spec"]!["services"]![0]!["metrics"] = new JsonObject { ["port"] = 9090 };
        await _scenario.ApplyAsync(app);

        var ready = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", AppScenario.IsReady, "Ready");
        Assert.Null(ready["status"]!["observabilityMessage"]);
        Assert.NotNull(await _scenario.GetAsync(AppResourceTypes.ServiceMonitors, AppManifests.Namespace, "shop"));
        Assert.NotNull(await _scenario.GetAsync(AppResourceTypes.PrometheusRules, AppManifests.Namespace, "shop"));

        var quietSince = await QuietAsync();
        await RequestReconcileAsync("shop", "2026-11-22T10:00:00Z");
        await Eventually.ReturnsAsync(() => Task.FromResult(_scenario.Server.Requests.Snapshot().Skip(quietSince).Count(request => request.Resource == "servicemonitors" && request.Verb == "get")),
            reads => reads > 0, "the requested reconcile to look at the ServiceMonitor");
        // An absence of writes can only be observed over a window: the rest of the reconcile runs within it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Empty(_scenario.OperatorWrites(quietSince));

        await _scenario.ApplyAsync(AppManifests.Web("shop:1", "{strategy: RollingUpdate}"));
        await Eventually.ReturnsAsync(() => _scenario.GetAsync(AppResourceTypes.ServiceMonitors, AppManifests.Namespace, "shop"), gone => gone is null, "the ServiceMonitor deleted once switched off");
        Assert.Null(await _scenario.GetAsync(AppResourceTypes.PrometheusRules, AppManifests.Namespace, "shop"));
    }

    [Fact]
    public async Task A_second_app_declaring_the_same_service_reports_OwnershipConflict_and_takes_nothing_over()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        await _scenario.ApplyAsync(AppManifests.Web("shop:1", "{strategy: RollingUpdate}", target: "k3s"));
        await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", AppScenario.IsReady, "shop Ready");
        var rival = AppManifests.Web("store:1", "{strategy: RollingUpdate}", target: "k3s");
        rival["metadata"]!["name"] = "store";
        await _scenario.ApplyAsync(rival);

        var conflicted = await _scenario.WaitForAppAsync(AppManifests.Namespace, "store",
            current => AppScenario.Condition(current, "Ready")?["reason"]?.GetValue<string>() == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        var message = AppScenario.Condition(conflicted, "Ready")!["message"]!.GetValue<string>();
        Assert.Contains("Deployment web is controlled by AppPlatform shop", message, StringComparison.Ordinal);
        Assert.Contains("Service web is controlled by AppPlatform shop", message, StringComparison.Ordinal);
        Assert.Equal("Failed", conflicted["status"]!["phase"]!.GetValue<string>());
        await Eventually.ReturnsAsync(() => Task.FromResult(_scenario.Server.Store.List("", "events", AppManifests.Namespace)),
            events => events.Any(e => e["reason"]!.GetValue<string>() == ConditionReasons.OwnershipConflict && e["type"]!.GetValue<string>() == "Warning"
                && e["involvedObject"]!["name"]!.GetValue<string>() == "store"), "a Warning event on store");

        var quietSince = await QuietAsync();
        await RequestReconcileAsync("store", "2026-11-22T10:00:00Z");
        await RequestReconcileAsync("shop", "2026-11-22T10:00:00Z");
        for (var idle = Stopwatch.StartNew(); idle.Elapsed < TimeSpan.FromSeconds(2); await Task.Delay(100))
        {
            var writes = _scenario.OperatorWrites(quietSince);
            Assert.True(writes.Count == 0, $"the two apps fight: {string.Join(", ", writes.Select(w => $"{w.Verb} {w.Resource}/{w.Name} {w.Subresource}"))}");
        }
        var deployment = (await _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"))!;
        Assert.Equal("shop", deployment["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("shop:1", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());

        await _scenario.Client.DeleteAsync(AppResourceTypes.AppPlatforms, AppManifests.Namespace, "shop");
        await Eventually.ReturnsAsync(() => _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"), gone => gone is null, "shop's Deployment collected");
        await RequestReconcileAsync("store", "2026-11-22T10:05:00Z");
        await _scenario.WaitForAppAsync(AppManifests.Namespace, "store", AppScenario.IsReady, "store Ready once shop is gone");
        var taken = (await _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"))!;
        Assert.Equal("store", taken["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unowned_object_of_the_same_name_is_left_alone()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        await _scenario.Client.ApplyAsync(ResourceTypes.Services, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = AppManifests.Namespace },
            ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }), ["selector"] = new JsonObject { ["app"] = "hand-made" } },
        }, new ApplyOptions { FieldManager = "kubectl" });
        await _scenario.ApplyAsync(AppManifests.Web("shop:1", "{strategy: RollingUpdate}", target: "k3s"));

        var conflicted = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop",
            current => AppScenario.Condition(current, "Ready")?["reason"]?.GetValue<string>() == ConditionReasons.OwnershipConflict, "OwnershipConflict");
        Assert.Contains("Service web already exists without an owner", AppScenario.Condition(conflicted, "Ready")!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var service = (await _scenario.GetAsync(ResourceTypes.Services, AppManifests.Namespace, "web"))!;
        Assert.Equal("hand-made", service["spec"]!["selector"]!["app"]!.GetValue<string>());
        Assert.Null(service["metadata"]!["ownerReferences"]);
        Assert.Empty(_scenario.List(ResourceTypes.Deployments, AppManifests.Namespace));
    }

    private Task RequestReconcileAsync(string name, string at) =>
        _scenario!.Client.PatchAsync(AppResourceTypes.AppPlatforms, AppManifests.Namespace, name, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["skyforge.dev/reconcile-requested-at"] = at } },
        }));

    /// <summary>Waits until the operator has made no write for a second; returns the request-log position from then on.</summary>
    private async Task<int> QuietAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var position = _scenario!.Server.Requests.Count;
            // The window itself is what is measured: an absence of writes can only be observed over time.
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (_scenario.OperatorWrites(position).Count == 0)
            {
                return position;
            }
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the operator never stopped writing after Ready");
        }
    }
}
