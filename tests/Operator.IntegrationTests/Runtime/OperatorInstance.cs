using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.LeaderElection;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>
/// One operator replica: its own client and connection (which can be severed), informers, a Lease-based
/// elector with the timings (15 s lease, 10 s renew deadline, 2 s retry) and a ControllerHost
/// running a <see cref="TimelineReconciler"/> over the test ConfigMaps.
/// </summary>
internal sealed class OperatorInstance
{
    public const string LeaseName = "runtime-test-operator";

    private OperatorInstance(string name, SeverableTransport network, LeaderElector elector, ControllerHost host)
    {
        Name = name;
        Network = network;
        Elector = elector;
        Host = host;
    }

    /// <summary>The lease identity and the client's User-Agent.</summary>
    public string Name { get; }

    public SeverableTransport Network { get; }

    public LeaderElector Elector { get; }

    public ControllerHost Host { get; }

    /// <summary>The election settings of every instance: the defaults, which are the timings.</summary>
    public static LeaderElectionOptions Election(string identity) => new() { LeaseName = LeaseName, LeaseNamespace = Gadgets.Namespace, Identity = identity };

    public static OperatorInstance Create(RuntimeCluster cluster, string name, ReconcileTimeline timeline, ITestOutputHelper output)
    {
        var logs = cluster.Own(TestOutputLoggerProvider.Factory(output, name));
        var network = new SeverableTransport();
        var client = cluster.Client(name, network, logs);
        var informers = cluster.Informers(client, loggerFactory: logs);
        var elector = new LeaderElector(
            new KubernetesLeaseLock(client, Gadgets.Namespace, LeaseName),
            Election(name),
            TimeProvider.System,
            logs.CreateLogger<LeaderElector>());
        var controller = new ControllerBuilder("configmaps", ResourceTypes.ConfigMaps).WithWorkers(2).Build(new TimelineReconciler(name, client, timeline));
        var host = cluster.Track(new ControllerHost(informers, [controller], TimeProvider.System, elector, logs));
        return new OperatorInstance(name, network, elector, host);
    }
}
