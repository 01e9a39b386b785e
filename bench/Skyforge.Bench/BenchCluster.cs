using System.Text.Json.Nodes;
using Skyforge.Crds.Generation;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Bench;

/// <summary>
/// The Kubernetes side: an in-process TestKit API server with the Skyforge CRDs, its workload simulator on (every
/// Deployment, StatefulSet and Job becomes ready), the kubeconfig the operator is given, and the harness's own
/// unthrottled client that applies the resources.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string Namespace = "bench";

    private const string HarnessAgent = "skyforge-bench";

    private readonly WorkloadSimulator _simulator;
    private readonly KubernetesClient _client;

    private BenchCluster(TestApiServer server, WorkloadSimulator simulator, string kubeconfigPath)
    {
        Server = server;
        _simulator = simulator;
        KubeconfigPath = kubeconfigPath;
        _client = new KubernetesClient(
            KubernetesConfigurationLoader.Load(kubeconfigPath, null, TimeProvider.System),
            new KubernetesClientOptions { UserAgent = HarnessAgent, Qps = 0 },
            TimeProvider.System);
    }

    public TestApiServer Server { get; }

    public string KubeconfigPath { get; }

    public static async Task<BenchCluster> StartAsync(string workDirectory)
    {
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", "kube-system", Namespace] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var simulator = WorkloadSimulator.Attach(server);
        var kubeconfigPath = Path.Combine(workDirectory, "kubeconfig");
        server.WriteKubeconfig(kubeconfigPath, Namespace);
        return new BenchCluster(server, simulator, kubeconfigPath);
    }

    /// <summary>Creates the objects, a few at a time, as a user's <c>kubectl apply</c> of many files would.</summary>
    public Task CreateAllAsync(ResourceType type, IEnumerable<JsonObject> objects, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (obj, token) =>
            await _client.CreateAsync(type, obj, cancellationToken: token));

    /// <summary>The stored objects of one kind in the bench namespace, read in-process (no HTTP request is recorded).</summary>
    public IReadOnlyList<JsonObject> Stored(ResourceType type) => Server.Store.List(type.Group, type.Plural, Namespace);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
        await Server.DisposeAsync();
        File.Delete(KubeconfigPath);
    }
}
