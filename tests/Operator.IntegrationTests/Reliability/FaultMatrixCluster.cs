using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Crds.Generation;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Requests;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.ApiServer.Recording;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// The stage of one fault-matrix row: a <see cref="TestApiServer"/> with the Skyforge CRDs, moto behind the fault proxy
/// (reset), a user's client, and any number of <see cref="OperatorReplica"/>s started against both. The test reads the
/// cluster from the server's store, so API faults aimed at the operator never reach the test's own checks.
/// </summary>
internal sealed class FaultMatrixCluster : IAsyncDisposable
{
    public const string ClusterName = "reliability";
    public const string Namespace = "shop";

    private readonly string _kubeconfigPath;
    private readonly List<OperatorReplica> _replicas = [];

    private FaultMatrixCluster(MotoFixture moto, TestApiServer server, string kubeconfigPath, KubernetesClient user)
    {
        Moto = moto;
        Server = server;
        _kubeconfigPath = kubeconfigPath;
        User = user;
        Aws = new AwsInventory(moto);
    }

    public MotoFixture Moto { get; }

    public TestApiServer Server { get; }

    /// <summary>A user with kubectl (User-Agent <c>kubectl</c>).</summary>
    public KubernetesClient User { get; }

    public AwsInventory Aws { get; }

    public static async Task<FaultMatrixCluster> StartAsync(MotoFixture moto, params string[] namespaces)
    {
        await moto.ResetAsync();
        var server = await TestApiServer.StartAsync(new TestApiServerOptions { InitialNamespaces = ["default", Namespace, .. namespaces] });
        foreach (var (_, crd) in CrdGenerator.ForSkyforgeKinds().GenerateAll())
        {
            server.InstallCustomResourceDefinition(crd);
        }
        var kubeconfigPath = Path.Combine(Path.GetTempPath(), $"skyforge-reliability-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(kubeconfigPath);
        var user = new KubernetesClient(
            KubernetesConfigurationLoader.Load(kubeconfigPath, null, TimeProvider.System),
            new KubernetesClientOptions { FieldManager = "kubectl", UserAgent = "kubectl" },
            TimeProvider.System);
        return new FaultMatrixCluster(moto, server, kubeconfigPath, user);
    }

    public async Task<OperatorReplica> StartOperatorAsync(string name, bool leaderElection = false)
    {
        var replica = await OperatorReplica.StartAsync(name, _kubeconfigPath, Moto, leaderElection);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>A postgres RDS ManagedDatabase with its own subnet group (so a create makes a master secret, a subnet group and an instance).</summary>
    public JsonObject DatabaseManifest(string name, string instanceClass = "db.t4g.micro", string @namespace = Namespace) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "ManagedDatabase",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["spec"] = new JsonObject
        {
            ["engine"] = "postgres",
            ["version"] = "16.3",
            ["instanceClass"] = instanceClass,
            ["network"] = new JsonObject
            {
                ["subnetIds"] = new JsonArray([.. Moto.Network.SubnetIds.Select(id => (JsonNode)id)]),
                ["securityGroupIds"] = new JsonArray(Moto.Network.SecurityGroupId),
            },
            ["deletionPolicy"] = "Delete",
        },
    };

    public Task<JsonObject> ApplyAsync(JsonObject obj) =>
        User.ApplyAsync(SkyforgeResourceTypes.ManagedDatabases, obj, new ApplyOptions { FieldManager = "kubectl", Force = true });

    public Task DeleteAsync(string name, string @namespace = Namespace) => User.DeleteAsync(SkyforgeResourceTypes.ManagedDatabases, @namespace, name);

    public JsonObject? StoredDatabase(string name, string @namespace = Namespace) =>
        Server.Store.Get(Group.Name, SkyforgeResourceTypes.ManagedDatabases.Plural, @namespace, name);

    /// <summary>Requests the server saw from one client (by User-Agent) since <paramref name="since"/> entries of its log.</summary>
    public int RequestsSince(int since, string userAgent, Func<RecordedRequest, bool> match) =>
        Server.Requests.Snapshot().Skip(since).Count(request => request.UserAgent.StartsWith(userAgent, StringComparison.Ordinal) && match(request));

    /// <summary>One look at both sides; see <see cref="ConvergenceCheck"/>.</summary>
    public async Task<ConvergenceCheck> CheckAsync()
    {
        var databases = Server.Store.List(Group.Name, SkyforgeResourceTypes.ManagedDatabases.Plural);
        var secrets = Server.Store.List("", "secrets");
        var owned = await Aws.OwnedByAsync(ClusterName);
        return ConvergenceCheck.Of(databases, secrets, owned);
    }

    /// <summary>Polls <see cref="CheckAsync"/> (and <paramref name="alsoRequired"/>) until converged; fails with both sides' state after <paramref name="limit"/>.</summary>
    public async Task WaitForConvergenceAsync(TimeSpan limit, string because, Func<Task<bool>>? alsoRequired = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var check = await CheckAsync();
            if (check.Converged && (alsoRequired is null || await alsoRequired()))
            {
                return;
            }
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{because}: not converged within {limit.TotalSeconds:0} s; {check}\n{RecentLogs()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The first line of the last log entries of every replica, for failure messages.</summary>
    public string RecentLogs(int entries = 15)
    {
        var text = new StringBuilder();
        foreach (var replica in _replicas)
        {
            text.Append("--- ").Append(replica.Name).Append('\n');
            foreach (var entry in replica.Logs.Lines.TakeLast(entries))
            {
                text.Append(entry.Split('\n')[0]).Append('\n');
            }
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        Moto.Proxy.ClearFaults();
        await Aws.DisposeAsync();
        User.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfigPath);
    }
}
