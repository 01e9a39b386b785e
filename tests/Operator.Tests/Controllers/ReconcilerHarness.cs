using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Crds.Generation;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;
using Skyforge.Runtime;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Informers;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.Tests.Controllers;

/// <summary>
/// The generic reconciler over a <see cref="FakeExternalClient"/>, reading a real informer cache of a
/// <see cref="TestApiServer"/> with the Skyforge CRDs. Tests call <see cref="ReconcileAsync"/> themselves,
/// so every result (requeue delay, terminal) is visible.
/// </summary>
internal sealed class ReconcilerHarness : IAsyncDisposable
{
    public const string Namespace = "default";
    public static readonly BuildContext Build = new("test-cluster", "us-east-1", Provider.Aws);

    private readonly string _kubeconfig;

    private ReconcilerHarness(TestApiServer server, string kubeconfig, KubernetesClient client, SharedInformerFactory informers)
    {
        Server = server;
        _kubeconfig = kubeconfig;
        Client = client;
        Informers = informers;
        Reconciler = new ManagedResourceReconciler<ManagedSecret>(
            Kind, External, informers, client, Events, Build, Options, TimeProvider.System, NullLogger.Instance);
    }

    public TestApiServer Server { get; }

    public KubernetesClient Client { get; }

    public SharedInformerFactory Informers { get; }

    public TestSecretKind Kind { get; } = new();

    public FakeExternalClient External { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public DataServicesOptions Options { get; } = new() { DriftInterval = TimeSpan.FromMinutes(10), TransitionInterval = TimeSpan.FromSeconds(15) };

    public ManagedResourceReconciler<ManagedSecret> Reconciler { get; }

    public static async Task<ReconcilerHarness> StartAsync()
    {
        var server = await TestApiServer.StartAsync();
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-ds-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var client = new KubernetesClient(
            KubernetesConfigurationLoader.Load(kubeconfig, null, TimeProvider.System),
            new KubernetesClientOptions { FieldManager = "tests" },
            TimeProvider.System);
        var informers = new SharedInformerFactory(client, null, TimeProvider.System);
        informers.Get(SkyforgeResourceTypes.ManagedSecrets);
        informers.Start();
        await informers.WaitForCacheSyncAsync(CancellationToken.None);
        return new ReconcilerHarness(server, kubeconfig, client, informers);
    }

    public static JsonObject Secret(string name, string? deletionPolicy = "Delete", string? refreshInterval = null) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedSecret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["generate"] = new JsonObject { ["keys"] = new JsonArray("token") } },
            ["deletionPolicy"] = deletionPolicy,
            ["refreshInterval"] = refreshInterval,
        },
    };

    /// <summary>Creates the object and waits until the cache has it.</summary>
    public async Task<JsonObject> CreateAsync(JsonObject obj)
    {
        var created = await Client.CreateAsync(SkyforgeResourceTypes.ManagedSecrets, obj);
        await CachedAsync(NameOf(created));
        return created;
    }

    public Task<JsonObject> GetAsync(string name) => Client.GetAsync(SkyforgeResourceTypes.ManagedSecrets, Namespace, name);

    /// <summary>Waits until the cache holds the object as the server has it now, then reconciles it once.</summary>
    public async Task<ReconcileResult> ReconcileAsync(string name)
    {
        await CachedAsync(name);
        return await Reconciler.ReconcileAsync(new ReconcileRequest(new ObjectKey(Namespace, name), 0), CancellationToken.None);
    }

    public async Task CachedAsync(string name)
    {
        var current = await Client.TryGetAsync(SkyforgeResourceTypes.ManagedSecrets, Namespace, name);
        var version = current?["metadata"]?["resourceVersion"]?.GetValue<string>();
        var deadline = Stopwatch.StartNew();
        while (Informers.Get(SkyforgeResourceTypes.ManagedSecrets).Store.Get(Namespace, name)?.ResourceVersion != version)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"the cache never caught up with {name} at {version}");
            }
            await Task.Delay(5);
        }
    }

    /// <summary>PUTs on the status subresource of ManagedSecrets so far.</summary>
    public int StatusWrites => Server.Requests.ResourceRequests().Count(request => request.Resource == "managedsecrets" && request.Subresource == "status");

    public static JsonObject? Condition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(condition => condition["type"]?.GetValue<string>() == type);

    public static string NameOf(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await Informers.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
