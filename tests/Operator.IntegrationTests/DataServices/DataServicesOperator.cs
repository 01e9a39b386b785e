using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Skyforge.Crds.Generation;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Runtime.Controllers;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.DataServices;

/// <summary>
/// A <see cref="TestApiServer"/> with the Skyforge CRDs and the data-service controllers composed the way
/// `skyforge run` composes them (Kubernetes client, runtime, AWS clients aimed at moto through the fault
/// proxy, <see cref="DataServicesModule"/>). The operator can be stopped and started again against the same
/// cluster and moto; its logs are captured for scanning.
/// </summary>
internal sealed class DataServicesOperator : IAsyncDisposable
{
    public const string ClusterName = "scenario";

    private readonly MotoFixture _moto;
    private readonly string _kubeconfig;
    private readonly TimeSpan _driftInterval;
    private ServiceProvider? _services;

    private DataServicesOperator(MotoFixture moto, TestApiServer server, string kubeconfig, KubernetesClient client, TimeSpan driftInterval)
    {
        _driftInterval = driftInterval;
        _moto = moto;
        Server = server;
        _kubeconfig = kubeconfig;
        Client = client;
    }

    public TestApiServer Server { get; }

    /// <summary>The test's own client (a user with kubectl).</summary>
    public KubernetesClient Client { get; }

    public CapturedLogs Logs { get; } = new();

    public static Task<DataServicesOperator> StartAsync(MotoFixture moto, params string[] namespaces) =>
        StartAsync(moto, TimeSpan.FromMinutes(10), namespaces);

    public static async Task<DataServicesOperator> StartAsync(MotoFixture moto, TimeSpan driftInterval, params string[] namespaces)
    {
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", .. namespaces] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-ds-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var client = new KubernetesClient(KubernetesConfigurationLoader.Load(kubeconfig, null, TimeProvider.System), new KubernetesClientOptions { FieldManager = "kubectl" }, TimeProvider.System);
        var scenario = new DataServicesOperator(moto, server, kubeconfig, client, driftInterval);
        await scenario.StartOperatorAsync();
        return scenario;
    }

    public async Task StartOperatorAsync()
    {
        var services = new ServiceCollection();
        ScenarioComposition.AddOperator(services, _kubeconfig, _moto, MotoFixture.Region, Logs, [new DataServicesModule()], options => options.DriftInterval = _driftInterval);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<ControllerHost>().StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the operator at once (in-flight reconciles are cancelled), as a crash would.</summary>
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

    public Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj) =>
        Client.ApplyAsync(type, obj, new Kubernetes.Requests.ApplyOptions { FieldManager = "kubectl", Force = true });

    public Task<JsonObject?> GetAsync(ResourceType type, string @namespace, string name) => Client.TryGetAsync(type, @namespace, name);

    /// <summary>Polls the object until <paramref name="condition"/> holds (30 s deadline).</summary>
    public Task<JsonObject> WaitForAsync(ResourceType type, string @namespace, string name, Func<JsonObject, bool> condition, string description) =>
        ScenarioComposition.WaitForAsync(Client, Logs, type, @namespace, name, condition, description, TimeSpan.FromSeconds(30));

    public async Task WaitForGoneAsync(ResourceType type, string @namespace, string name)
    {
        var deadline = Stopwatch.StartNew();
        while (await GetAsync(type, @namespace, name) is { } current)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{type.Kind} {@namespace}/{name} was never deleted; last seen: {current.ToJsonString()}\nlogs:\n{string.Join('\n', Logs.Lines.TakeLast(30))}");
            }
            await Task.Delay(50);
        }
    }

    public static bool IsReady(JsonObject obj) => Condition(obj, "Ready") is { } ready && ready["status"]?.GetValue<string>() == "True"
        && obj["status"]?["observedGeneration"]?.GetValue<long>() == obj["metadata"]?["generation"]?.GetValue<long>();

    public static JsonObject? Condition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(condition => condition["type"]?.GetValue<string>() == type);

    public static string? Reason(JsonObject obj, string type) => Condition(obj, type)?["reason"]?.GetValue<string>();

    /// <summary>The decoded values of a Secret.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SecretDataAsync(string @namespace, string name)
    {
        var secret = await Client.GetAsync(ResourceTypes.Secrets, @namespace, name);
        return (secret["data"] as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value!.GetValue<string>())));
    }

    /// <summary>Every place a secret value must never appear: log lines, Events, and the status of every Skyforge object.</summary>
    public string ObservableText()
    {
        var text = new StringBuilder();
        text.AppendJoin('\n', Logs.Lines);
        foreach (var ev in Server.Store.List("", "events"))
        {
            text.Append('\n').Append(ev.ToJsonString());
        }
        foreach (var resource in new[] { "managedsecrets", "manageddatabases", "managedcaches", "messagebuses" })
        {
            foreach (var obj in Server.Store.List(Crds.V1Alpha1.Group.Name, resource))
            {
                text.Append('\n').Append(obj["status"]?.ToJsonString()).Append(obj["metadata"]?["annotations"]?.ToJsonString());
            }
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        Client.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
