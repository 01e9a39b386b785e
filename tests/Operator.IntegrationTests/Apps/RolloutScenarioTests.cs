using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>
/// Rollouts through the real controllers, the workload simulator playing the Deployment controller: a new image
/// rolls out, a failing revision is rolled back, blue/green switches only when the new colour is ready, and the
/// Shangwellness canary holds 10 % for its five minutes (the operator's clock is moved forward) and then promotes.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RolloutScenarioTests(MotoFixture moto) : IAsyncLifetime
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

    private static string ImageOf(JsonObject deployment) => SeedAssertions.Container(deployment)["image"]!.GetValue<string>();

    private static bool ServiceRollout(JsonObject app, string service, string rollout) =>
        AppScenario.ServiceStatus(app, service)?["rollout"]?.GetValue<string>() == rollout
        && app["status"]?["observedGeneration"]?.GetValue<long>() == app["metadata"]?["generation"]?.GetValue<long>();

    private IReadOnlyList<string> EventReasons(string @namespace) =>
        [.. _scenario!.Server.Store.List("", "events", @namespace).Select(e => e["reason"]!.GetValue<string>())];

    private Task PokeAsync(string @namespace, string name) =>
        _scenario!.Client.PatchAsync(AppResourceTypes.AppPlatforms, @namespace, name, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["skyforge.dev/reconcile-requested-at"] = Guid.NewGuid().ToString() } },
        }));

    [Fact]
    public async Task A_new_image_rolls_out_and_a_failing_revision_is_rolled_back_automatically()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        using var broken = _scenario.Workloads.Script(WorkloadMatch.ImageContains("broken"), WorkloadBehavior.Failed);
        const string Rolling = "{strategy: RollingUpdate, maxSurge: \"100%\", maxUnavailable: \"0%\", progressDeadlineSeconds: 60}";
        await _scenario.ApplyAsync(AppManifests.Web("shop:1", Rolling));
        var first = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => AppScenario.IsReady(app) && ServiceRollout(app, "web", "Complete"), "Ready");
        var firstRevision = AppScenario.ServiceStatus(first, "web")!["revision"]!.GetValue<string>();

        await _scenario.ApplyAsync(AppManifests.Web("shop:2", Rolling));
        var second = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => ServiceRollout(app, "web", "Complete") && AppScenario.IsReady(app), "rolled out");
        Assert.Equal("shop:2", ImageOf((await _scenario.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"))!));
        var secondRevision = AppScenario.ServiceStatus(second, "web")!["revision"]!.GetValue<string>();
        Assert.NotEqual(firstRevision, secondRevision);

        await _scenario.ApplyAsync(AppManifests.Web("shop:3-broken", Rolling));
        var rolledBack = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => ServiceRollout(app, "web", "RolledBack"), "rolled back");
        Assert.Equal(("True", "RolledBack"), (AppScenario.Condition(rolledBack, "Degraded")!["status"]!.GetValue<string>(), AppScenario.Condition(rolledBack, "Degraded")!["reason"]!.GetValue<string>()));
        Assert.Equal(secondRevision, AppScenario.ServiceStatus(rolledBack, "web")!["revision"]!.GetValue<string>());
        Assert.Equal("Degraded", rolledBack["status"]!["phase"]!.GetValue<string>());
        await Eventually.ReturnsAsync(() => _scenario.Client.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web"), d => ImageOf(d) == "shop:2", "the healthy image back in the Deployment");
        Assert.Contains("RolledBack", EventReasons(AppManifests.Namespace));

        await _scenario.ApplyAsync(AppManifests.Web("shop:4", Rolling));
        var recovered = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => ServiceRollout(app, "web", "Complete") && AppScenario.Condition(app, "Degraded")?["status"]?.GetValue<string>() == "False", "recovered");
        Assert.Equal("Running", recovered["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Blue_green_switches_the_service_only_when_the_new_colour_is_ready_then_scales_the_old_one_down()
    {
        _scenario = await AppScenario.StartAsync(moto, MotoFixture.Region, AppManifests.Namespace);
        const string BlueGreen = "{strategy: BlueGreen, blueGreen: {scaleDownDelaySeconds: 1}}";
        await _scenario.ApplyAsync(AppManifests.Web("shop:1", BlueGreen));
        await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => AppScenario.IsReady(app) && ServiceRollout(app, "web", "Complete"), "Ready");
        Assert.Equal("blue", Selector(await ServiceAsync()));

        var hold = _scenario.Workloads.Script(WorkloadMatch.ImageContains("shop:2"), WorkloadBehavior.Hold);
        await _scenario.ApplyAsync(AppManifests.Web("shop:2", BlueGreen));
        await Eventually.ReturnsAsync(() => _scenario.Client.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web-green"),
            green => ImageOf(green) == "shop:2" && green["spec"]!["replicas"]!.GetValue<int>() == 2, "the new version on green at full size");
        var waiting = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => ServiceRollout(app, "web", "Progressing"), "progressing");
        Assert.Equal("True", AppScenario.Condition(waiting, "Ready")!["status"]!.GetValue<string>());
        await _scenario.Workloads.SettleAsync();
        Assert.Equal("blue", Selector(await ServiceAsync()));

        hold.Dispose();
        await Eventually.ReturnsAsync(ServiceAsync, service => Selector(service) == "green", "the Service to select green");
        await Eventually.ReturnsAsync(() => _scenario.Client.GetAsync(ResourceTypes.Deployments, AppManifests.Namespace, "web-blue"),
            blue => blue["spec"]!["replicas"]!.GetValue<int>() == 0, "blue scaled down after the delay");
        var done = await _scenario.WaitForAppAsync(AppManifests.Namespace, "shop", app => ServiceRollout(app, "web", "Complete"), "complete");
        Assert.Equal("Running", done["status"]!["phase"]!.GetValue<string>());
        Assert.Contains("Switched", EventReasons(AppManifests.Namespace));
    }

    [Fact]
    public async Task The_shangwellness_canary_holds_ten_percent_for_five_minutes_then_promotes()
    {
        _scenario = await AppScenario.StartAsync(moto, "ap-south-1", "shangwellness");
        var manifest = await _scenario.ApplySampleAsync("shangwellness");
        await _scenario.WaitForAppAsync("shangwellness", "shangwellness", AppScenario.IsReady, "Ready");

        manifest["spec"]!["services"]![0]!["image"] = "669097061043.dkr.ecr.ap-south-1.amazonaws.com/shangwellness-prod:2024.12.1";
        await _scenario.ApplyAsync(manifest);
        var paused = await _scenario.WaitForAppAsync("shangwellness", "shangwellness", app => ServiceRollout(app, "web", "Paused"), "paused at the first step");
        Assert.Equal(10, AppScenario.ServiceStatus(paused, "web")!["canaryWeight"]!.GetValue<int>());
        Assert.Equal(new[] { 90, 10 }, await WeightsAsync());
        Assert.EndsWith(":2024.11.1", ImageOf((await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web"))!));
        Assert.EndsWith(":2024.12.1", ImageOf((await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web-canary"))!));

        // The operator's clock moves on in real time too, so it is set against the step's recorded start, with a margin
        // for a slow machine: 290 s into the 300 s pause, then past its end.
        var canary = (await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web-canary"))!;
        var stepStarted = DateTimeOffset.Parse(RolloutAnnotations.Get(canary, RolloutAnnotations.CanaryStepStartedAt)!, CultureInfo.InvariantCulture);
        _scenario.Clock.Advance(stepStarted + TimeSpan.FromSeconds(290) - _scenario.Clock.GetUtcNow());
        await PokeAsync("shangwellness", "shangwellness");
        for (var watched = System.Diagnostics.Stopwatch.StartNew(); watched.Elapsed < TimeSpan.FromSeconds(1); await Task.Delay(100))
        {
            Assert.EndsWith(":2024.11.1", ImageOf((await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web"))!));
            Assert.True(ServiceRollout((await _scenario.GetAsync(AppResourceTypes.AppPlatforms, "shangwellness", "shangwellness"))!, "web", "Paused"));
        }

        _scenario.Clock.Advance(TimeSpan.FromSeconds(12));
        await PokeAsync("shangwellness", "shangwellness");
        var promoted = await _scenario.WaitForAppAsync("shangwellness", "shangwellness", app => ServiceRollout(app, "web", "Complete"), "promoted");
        Assert.Null(AppScenario.ServiceStatus(promoted, "web")!["canaryWeight"]);
        Assert.EndsWith(":2024.12.1", ImageOf((await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web"))!));
        Assert.Equal(0, (await _scenario.GetAsync(ResourceTypes.Deployments, "shangwellness", "web-canary"))!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(new[] { 100, 0 }, await WeightsAsync());
        Assert.Contains("CanaryStep", EventReasons("shangwellness"));
        Assert.Contains("Promoted", EventReasons("shangwellness"));
    }

    private async Task<JsonObject> ServiceAsync() => (await _scenario!.GetAsync(ResourceTypes.Services, AppManifests.Namespace, "web"))!;

    private static string Selector(JsonObject service) => service["spec"]!["selector"]![AppNames.ColorLabel]!.GetValue<string>();

    private async Task<int[]> WeightsAsync()
    {
        var ingress = (await _scenario!.GetAsync(AppResourceTypes.Ingresses, "shangwellness", "shangwellness"))!;
        var action = JsonNode.Parse(ingress["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/actions.web"]!.GetValue<string>())!;
        return [.. action["forwardConfig"]!["targetGroups"]!.AsArray().Select(group => group!["weight"]!.GetValue<int>())];
    }
}
