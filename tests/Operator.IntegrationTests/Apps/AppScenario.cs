using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Skyforge.Crds.Generation;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.Hosting;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.Operator.IntegrationTests.Foundation;
using Skyforge.Runtime.Controllers;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>
/// Every controller `skyforge run` hosts (<see cref="OperatorModules.All"/>) against a <see cref="TestApiServer"/> with the
/// Skyforge CRDs and the workload simulator (Deployments, StatefulSets and Jobs become ready unless scripted
/// otherwise), and moto behind the fault proxy in the given region. The operator's clock can be moved forward.
/// </summary>
internal sealed class AppScenario : IAsyncDisposable
{
    private readonly MotoFixture _moto;
    private readonly string _kubeconfig;
    private ServiceProvider? _services;

    private AppScenario(MotoFixture moto, TestApiServer server, WorkloadSimulator workloads, string kubeconfig, KubernetesClient client, string region)
    {
        _moto = moto;
        Server = server;
        Workloads = workloads;
        _kubeconfig = kubeconfig;
        Client = client;
        Region = region;
    }

    public TestApiServer Server { get; }

    public WorkloadSimulator Workloads { get; }

    /// <summary>The test's own client (a user with kubectl).</summary>
    public KubernetesClient Client { get; }

    public string Region { get; }

    public ShiftableClock Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public static async Task<AppScenario> StartAsync(MotoFixture moto, string region, params string[] namespaces)
    {
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", .. namespaces] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var workloads = WorkloadSimulator.Attach(server);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-app-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var client = new KubernetesClient(KubernetesConfigurationLoader.Load(kubeconfig, null, TimeProvider.System), new KubernetesClientOptions { FieldManager = "kubectl", UserAgent = "scenario-user" }, TimeProvider.System);
        var scenario = new AppScenario(moto, server, workloads, kubeconfig, client, region);
        await scenario.StartOperatorAsync();
        return scenario;
    }

    public async Task StartOperatorAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        ScenarioComposition.AddOperator(services, _kubeconfig, _moto, Region, Logs, OperatorModules.All, options => options.DefaultRegion = Region);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<ControllerHost>().StartAsync(CancellationToken.None);
    }

    public async Task StopOperatorAsync()
    {
        if (_services is null)
        {
            return;
        }
        await _services.GetRequiredService<ControllerHost>().StopAsync(new CancellationToken(canceled: true));
        await _services.DisposeAsync();
        _services = null;
    }

    /// <summary>Reads a sample from config/samples, creates the subnets it names in moto, and applies it as a user would.</summary>
    public async Task<JsonObject> ApplySampleAsync(string sample)
    {
        var manifest = Sample(sample);
        await SampleNetwork.CreateAsync(_moto.Moto.Endpoint, manifest, Region);
        await ApplyAsync(manifest);
        return manifest;
    }

    public static JsonObject Sample(string sample) =>
        YamlDocuments.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "config", "samples", sample + ".yaml"))).Single()!.AsObject();

    public Task<JsonObject> ApplyAsync(JsonObject obj) =>
        Client.ApplyAsync(AppResourceTypes.AppPlatforms, obj, new ApplyOptions { FieldManager = "kubectl", Force = true });

    public Task<JsonObject?> GetAsync(ResourceType type, string @namespace, string name) => Client.TryGetAsync(type, @namespace, name);

    /// <summary>Polls until <paramref name="condition"/> holds (60 s deadline: a seed composes several AWS resources).</summary>
    public Task<JsonObject> WaitForAsync(ResourceType type, string @namespace, string name, Func<JsonObject, bool> condition, string description) =>
        ScenarioComposition.WaitForAsync(Client, Logs, type, @namespace, name, condition, description, TimeSpan.FromSeconds(60));

    public Task<JsonObject> WaitForAppAsync(string @namespace, string name, Func<JsonObject, bool> condition, string description) =>
        WaitForAsync(AppResourceTypes.AppPlatforms, @namespace, name, condition, description);

    public static bool IsReady(JsonObject obj) => DataServices.DataServicesOperator.IsReady(obj);

    public static JsonObject? Condition(JsonObject obj, string type) => DataServices.DataServicesOperator.Condition(obj, type);

    public static JsonObject? ServiceStatus(JsonObject app, string service) =>
        (app["status"]?["services"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(s => s["name"]?.GetValue<string>() == service);

    public IReadOnlyList<JsonObject> List(ResourceType type, string @namespace) => Server.Store.List(type.Group, type.Plural, @namespace);

    /// <summary>Writes the operator made (its requests' User-Agent starts with "skyforge-"; Events are not counted) after the first <paramref name="skip"/> requests.</summary>
    public IReadOnlyList<TestKit.ApiServer.Recording.RecordedRequest> OperatorWrites(int skip = 0) =>
        [.. Server.Requests.Snapshot().Skip(skip).Where(request => request.Verb is "create" or "update" or "patch" or "delete" or "deletecollection"
            && request.UserAgent.StartsWith("skyforge-", StringComparison.Ordinal) && request.Resource != "events")];

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await Workloads.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
