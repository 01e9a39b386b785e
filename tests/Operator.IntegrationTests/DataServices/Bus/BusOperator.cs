using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Crds.Generation;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.Providers.InCluster;
using Skyforge.Operator.Providers.Msk;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.DependencyInjection;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>
/// The TestKit API server with the Skyforge CRDs and the operator host composed as `skyforge run` composes it
/// (<see cref="DataServicesModule"/>, AWS clients aimed at moto through the fault proxy), plus the MessageBus
/// controller when the module does not register it yet. The operator can be stopped and started again against
/// the same cluster and moto; its logs are captured for scanning.
/// </summary>
internal sealed class BusOperator : IAsyncDisposable
{
    public const string ClusterName = "scenario";

    private readonly MotoFixture _moto;
    private readonly string _kubeconfig;
    private ServiceProvider? _services;

    private BusOperator(MotoFixture moto, TestApiServer server, string kubeconfig, KubernetesClient client)
    {
        _moto = moto;
        Server = server;
        _kubeconfig = kubeconfig;
        Client = client;
    }

    public TestApiServer Server { get; }

    /// <summary>The test's own client (a user with kubectl).</summary>
    public KubernetesClient Client { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<BusOperator> StartAsync(MotoFixture moto, params string[] namespaces)
    {
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", .. namespaces] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-bus-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var client = new KubernetesClient(KubernetesConfigurationLoader.Load(kubeconfig, null, TimeProvider.System), new KubernetesClientOptions { FieldManager = "kubectl" }, TimeProvider.System);
        var scenario = new BusOperator(moto, server, kubeconfig, client);
        await scenario.StartOperatorAsync();
        return scenario;
    }

    public async Task StartOperatorAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(Logs)));
        services.AddSkyforgeKubernetes(kubernetes =>
        {
            kubernetes.KubeConfigPath = _kubeconfig;
            kubernetes.FieldManager = ManagedResourceReconciler<object>.FieldManager;
        });
        services.AddSkyforgeRuntime();
        services.AddSingleton(AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = _moto.CredentialsFile }));
        services.AddSkyforgeAws(options =>
        {
            options.Region = MotoFixture.Region;
            options.Profile = MotoFixture.Profile;
            options.EndpointUrl = _moto.Proxy.Endpoint.ToString();
            options.Resilience = new AwsResilienceOptions
            {
                MaxRetryAttempts = 4,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RetryMaxDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                RequestsPerSecond = 0,
            };
        });
        new DataServicesModule().Register(services);
        services.Configure<DataServicesOptions>(options =>
        {
            options.ClusterName = ClusterName;
            options.TransitionInterval = TimeSpan.FromMilliseconds(500);
        });
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

    public Task<JsonObject> ApplyAsync(JsonObject bus) =>
        Client.ApplyAsync(SkyforgeResourceTypes.MessageBuses, bus, new Kubernetes.Requests.ApplyOptions { FieldManager = "kubectl", Force = true });

    public Task<JsonObject?> GetAsync(ResourceType type, string @namespace, string name) => Client.TryGetAsync(type, @namespace, name);

    /// <summary>Polls the object until <paramref name="condition"/> holds (30 s deadline).</summary>
    public async Task<JsonObject> WaitForAsync(ResourceType type, string @namespace, string name, Func<JsonObject, bool> condition, string description)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var current = await GetAsync(type, @namespace, name);
            if (current is not null && condition(current))
            {
                return current;
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{type.Kind} {@namespace}/{name} never became {description}; last seen: {current?.ToJsonString()}\nlogs:\n{string.Join('\n', Logs.Lines.TakeLast(30))}");
            }
            await Task.Delay(50);
        }
    }

    public Task<JsonObject> WaitForBusAsync(string @namespace, string name, Func<JsonObject, bool> condition, string description) =>
        WaitForAsync(SkyforgeResourceTypes.MessageBuses, @namespace, name, condition, description);

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

    /// <summary>The decoded values of a Secret.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SecretDataAsync(string @namespace, string name)
    {
        var secret = await Client.GetAsync(ResourceTypes.Secrets, @namespace, name);
        return (secret["data"] as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value!.GetValue<string>())));
    }

    /// <summary>Every place a secret value must never appear: log lines, Events, and the status and annotations of every MessageBus.</summary>
    public string ObservableText()
    {
        var text = new StringBuilder();
        text.AppendJoin('\n', Logs.Lines);
        foreach (var ev in Server.Store.List("", "events"))
        {
            text.Append('\n').Append(ev.ToJsonString());
        }
        foreach (var obj in Server.Store.List(Crds.V1Alpha1.Group.Name, SkyforgeResourceTypes.MessageBuses.Plural))
        {
            text.Append('\n').Append(obj["status"]?.ToJsonString()).Append(obj["metadata"]?["annotations"]?.ToJsonString());
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
