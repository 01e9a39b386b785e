using System.Diagnostics;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.Runtime;
using Skyforge.TestKit.Aws;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// Two replicas with leader election; the leader loses the API server while a ManagedDatabase create is in flight (its
/// AWS call hanging) and the standby finishes the job. The runtime's own guarantee that the cut-off leader stops before
/// the standby starts is LeaderElectionTests' concern; this row checks what reaches AWS.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LeaderLossTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private FaultMatrixCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_leader_cut_off_mid_create_is_replaced_and_the_standby_finishes_without_a_duplicate_or_orphan()
    {
        var row = new FaultMatrixRow(_cluster, output, "leader lost mid-reconcile");
        var a = await _cluster.StartOperatorAsync("operator-a", leaderElection: true);
        var b = await _cluster.StartOperatorAsync("operator-b", leaderElection: true);
        await Poll.UntilAsync(() => a.Host.IsLeader != b.Host.IsLeader && a.Host.IsReady && b.Host.IsReady, "one replica leads and the other knows it");
        var (leader, standby) = a.Host.IsLeader ? (a, b) : (b, a);

        // The leader creates the master secret and the subnet group; its CreateDBInstance then hangs in the proxy.
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(TimeSpan.FromMinutes(5))) { AfterOperation = "CreateDBSubnetGroup", Times = 100_000 });
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await Eventually.ReturnsAsync(
            () => Task.FromResult(moto.Proxy.Requests.Any(request => request.Operation == "CreateDBSubnetGroup" && request.StatusCode == 200)),
            reached => reached,
            "the leader to be mid-create");

        var cutOff = Stopwatch.StartNew();
        leader.Network.Sever();
        _cluster.Server.Faults.DropWatches();
        await Poll.UntilAsync(() => !leader.Host.IsLeader && leader.Host.RunningControllers == 0, "the cut-off leader to step down", TimeSpan.FromSeconds(10));
        var steppedDown = cutOff.Elapsed;
        moto.Proxy.ClearFaults();
        await Poll.UntilAsync(() => standby.Host.IsLeader, "the standby to take over", TimeSpan.FromSeconds(10));
        var takenOver = cutOff.Elapsed;
        var newLeader = Stopwatch.StartNew();

        row.Note($"old leader stepped down {FaultMatrixRow.Seconds(steppedDown)} s after it was cut off; standby leads after {FaultMatrixRow.Seconds(takenOver)} s (lease {FaultMatrixRow.Seconds(FaultMatrixTimings.Election("any").LeaseDuration)} s)");
        await row.ConvergesAsync(newLeader, "Ready, created by the new leader");
        Assert.Equal(1, moto.Proxy.Requests.Count(request => request.Operation == "CreateDBInstance" && request.StatusCode == 200));
        Assert.Equal(1, moto.Proxy.Requests.Count(request => request.Operation == "CreateSecret" && request.StatusCode == 200));
    }
}
