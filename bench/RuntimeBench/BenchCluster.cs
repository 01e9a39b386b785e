using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.RuntimeBench;

/// <summary>An in-process TestKit API server and clients configured from the kubeconfig it writes, like an operator's.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string Namespace = "bench";

    /// <summary>The User-Agent of the clients under measurement; the seeding client uses another.</summary>
    public const string OperatorAgent = "runtime-bench-operator";

    private readonly string _kubeconfigPath;

    private BenchCluster(TestApiServer server, string kubeconfigPath)
    {
        Server = server;
        _kubeconfigPath = kubeconfigPath;
    }

    public TestApiServer Server { get; }

    public static async Task<BenchCluster> StartAsync(bool useTls)
    {
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { UseTls = useTls });
        var kubeconfigPath = Path.Combine(Path.GetTempPath(), $"skyforge-runtime-bench-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfigPath, Namespace);
        return new BenchCluster(server, kubeconfigPath);
    }

    /// <summary>A client as the operator runs it (default QPS 50, burst 100).</summary>
    public KubernetesClient OperatorClient() => Client(new KubernetesClientOptions { UserAgent = OperatorAgent });

    /// <summary>Creates the namespace and <paramref name="count"/> ConfigMaps of about half a kilobyte each, unthrottled and in parallel.</summary>
    public async Task SeedConfigMapsAsync(int count)
    {
        using var seeder = Client(new KubernetesClientOptions { UserAgent = "runtime-bench-seeder", Qps = 0 });
        await seeder.CreateAsync(ResourceTypes.Namespaces, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = Namespace },
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, token) =>
            await seeder.CreateAsync(ResourceTypes.ConfigMaps, ConfigMap(index), cancellationToken: token));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(_kubeconfigPath);
    }

    private KubernetesClient Client(KubernetesClientOptions options) =>
        new(KubernetesConfigurationLoader.Load(_kubeconfigPath, null, TimeProvider.System), options, TimeProvider.System);

    private static JsonObject ConfigMap(int index)
    {
        var data = new JsonObject();
        for (var entry = 0; entry < 4; entry++)
        {
            data[$"setting-{entry}"] = $"value {entry} of object {index}: " + new string('x', 80);
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"config-{index:D5}",
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "bench", ["bench.skyforge.dev/index"] = $"{index}" },
            },
            ["data"] = data,
        };
    }
}
