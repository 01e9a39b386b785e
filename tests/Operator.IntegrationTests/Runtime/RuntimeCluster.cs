using System.Globalization;
using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Runtime.Informers;
using Skyforge.TestKit.ApiServer;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// A <see cref="TestApiServer"/> with the Gadget CRD, and real clients configured from the kubeconfig it
/// writes, as operator processes would be. Each client sends its own User-Agent, so the server's request
/// log tells the clients apart. Everything created here is stopped and disposed with the cluster.
/// </summary>
internal sealed class RuntimeCluster : IAsyncDisposable
{
    /// <summary>Reconnects within a fraction of a second, so scenarios with many drops stay short.</summary>
    public static readonly InformerOptions QuickRetries = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
    };

    private readonly string _kubeconfigPath;
    private readonly ILoggerFactory _loggerFactory;
    private readonly List<IAsyncDisposable> _stoppables = [];
    private readonly List<IDisposable> _disposables = [];

    private RuntimeCluster(TestApiServer server, string kubeconfigPath, ILoggerFactory loggerFactory)
    {
        Server = server;
        _kubeconfigPath = kubeconfigPath;
        _loggerFactory = loggerFactory;
    }

    public TestApiServer Server { get; }

    public ILoggerFactory LoggerFactory => _loggerFactory;

    /// <param name="output">Receives the logs of everything the cluster creates.</param>
    public static async Task<RuntimeCluster> StartAsync(ITestOutputHelper output, TestApiServerOptions? options = null)
    {
        var server = await TestApiServer.StartAsync(options);
        server.InstallCustomResourceDefinition(Gadgets.Definition());
        var kubeconfigPath = Path.Combine(Path.GetTempPath(), $"skyforge-runtime-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfigPath);
        var cluster = new RuntimeCluster(server, kubeconfigPath, TestOutputLoggerProvider.Factory(output));
        cluster.Own(cluster._loggerFactory);
        return cluster;
    }

    /// <param name="name">Becomes the User-Agent, e.g. <c>instance-a</c>.</param>
    /// <param name="transport">Replaces the socket handler, e.g. to cut this client off the network.</param>
    /// <param name="loggerFactory">Logs of this client; the cluster's by default.</param>
    public KubernetesClient Client(string name, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
    {
        var configuration = KubernetesConfigurationLoader.Load(_kubeconfigPath, null, TimeProvider.System);
        var client = new KubernetesClient(
            configuration,
            new KubernetesClientOptions { UserAgent = name, FieldManager = name },
            TimeProvider.System,
            (loggerFactory ?? _loggerFactory).CreateLogger<KubernetesClient>(),
            transport: transport);
        _disposables.Add(client);
        return client;
    }

    /// <summary>A factory whose informers watch the Gadget namespace.</summary>
    public SharedInformerFactory Informers(IKubernetesClient client, InformerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var factory = new SharedInformerFactory(client, Gadgets.Namespace, TimeProvider.System, loggerFactory ?? _loggerFactory, options: options ?? QuickRetries);
        Track(factory);
        return factory;
    }

    /// <summary>Stops <paramref name="stoppable"/> with the cluster (before the clients and the server go away).</summary>
    public T Track<T>(T stoppable)
        where T : IAsyncDisposable
    {
        _stoppables.Add(stoppable);
        return stoppable;
    }

    /// <summary>Disposes <paramref name="disposable"/> with the cluster, after everything that may still use it has stopped.</summary>
    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>Requests of one client (by its User-Agent) with the given RBAC verb on a resource such as <c>configmaps</c>.</summary>
    public int RequestCount(string client, string verb, string resource, string subresource = "") =>
        Server.Requests.ResourceRequests(client).Count(request => request.Verb == verb && request.Resource == resource && request.Subresource == subresource);

    /// <summary>Name to resourceVersion of every object of a resource in the Gadget namespace, as the server stores them.</summary>
    public IReadOnlyDictionary<string, long> ServerVersions(ResourceType type) =>
        Server.Store.List(type.Group, type.Plural, Gadgets.Namespace).ToDictionary(
            obj => obj["metadata"]!["name"]!.GetValue<string>(),
            obj => long.Parse(obj["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture));

    /// <summary>Name to resourceVersion of every object in an informer's cache.</summary>
    public static IReadOnlyDictionary<string, long> CachedVersions(SharedInformer informer) =>
        informer.Store.List().ToDictionary(obj => obj.Key.Name, obj => long.Parse(obj.ResourceVersion!, CultureInfo.InvariantCulture));

    public static bool SameVersions(IReadOnlyDictionary<string, long> left, IReadOnlyDictionary<string, long> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var version) && version == pair.Value);

    public async ValueTask DisposeAsync()
    {
        for (var i = _stoppables.Count - 1; i >= 0; i--)
        {
            await _stoppables[i].DisposeAsync();
        }
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
        await Server.DisposeAsync();
        File.Delete(_kubeconfigPath);
    }
}
