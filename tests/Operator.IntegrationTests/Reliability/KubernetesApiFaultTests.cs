using System.Diagnostics;
using Skyforge.Aws.Rds;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.Runtime;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// Kubernetes API faults aimed at the operator while it creates and changes ManagedDatabases: 429/500 bursts, dropped
/// watches that cannot reconnect for a while, and a storm of 409 Conflicts on status writes. Each fault is held until the
/// operator has met it several times, then cleared; the row measures convergence from that moment.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KubernetesApiFaultTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Operator = "operator";
    private static readonly TimeSpan FaultWindow = TimeSpan.FromSeconds(3);

    private FaultMatrixCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Bursts_of_429_and_500_on_every_request_delay_the_databases_but_lose_nothing()
    {
        var row = new FaultMatrixRow(_cluster, output, "Kubernetes API 429/500 bursts");
        await _cluster.StartOperatorAsync(Operator);
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("billing"));

        var logStart = _cluster.Server.Requests.Count;
        var faults = _cluster.Server.Faults;
        for (var burst = 0; burst < 500; burst++)
        {
            // Alternating bursts, longer than the client's own five 429 retries, so some reach the reconciler.
            faults.ThrottleNext(6, retryAfterSeconds: 0);
            faults.FailNext(3);
        }
        faults.DropWatches();
        var faulted = await HoldAsync(() => _cluster.RequestsSince(logStart, Operator, _ => true), 40);
        faults.Clear();
        var cleared = Stopwatch.StartNew();

        row.Note($"{faulted} operator requests answered 429 or 500 over the burst");
        await row.ConvergesAsync(cleared, "both Ready");
    }

    [Fact]
    public async Task Watches_dropped_and_refused_for_a_while_catch_up_on_a_new_database_and_a_spec_change()
    {
        var row = new FaultMatrixRow(_cluster, output, "Kubernetes watch drops");
        await _cluster.StartOperatorAsync(Operator);
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.WaitForConvergenceAsync(FaultMatrixTimings.ConvergenceBound, "orders Ready before the watches drop");

        var logStart = _cluster.Server.Requests.Count;
        var faults = _cluster.Server.Faults;
        faults.FailNext(100_000, verb: "watch");
        faults.FailNext(100_000, verb: "list");
        faults.DropWatches();
        await Poll.UntilAsync(() => _cluster.Server.Store.OpenWatchCount == 0, "every watch to be gone");
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders", instanceClass: "db.t4g.small"));
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("billing"));
        var refused = await HoldAsync(() => _cluster.RequestsSince(logStart, Operator, request => request.Verb is "watch" or "list"), 4);
        faults.Clear();
        var cleared = Stopwatch.StartNew();

        row.Note($"{refused} watch or list requests refused while disconnected");
        await row.ConvergesAsync(cleared, "new database Ready, spec change applied in AWS", () => InstanceClassIsAsync("orders", "db.t4g.small"));
    }

    [Fact]
    public async Task A_storm_of_409_conflicts_on_status_writes_ends_with_the_status_written_once_it_passes()
    {
        var row = new FaultMatrixRow(_cluster, output, "Kubernetes 409 storm");
        await _cluster.StartOperatorAsync(Operator);
        var logStart = _cluster.Server.Requests.Count;
        _cluster.Server.Faults.ConflictOnNextUpdates(100_000, resource: "manageddatabases/status");
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("billing"));

        var conflicts = await HoldAsync(() => _cluster.RequestsSince(logStart, Operator, request => request.Verb == "update" && request.Subresource == "status"), 16);
        _cluster.Server.Faults.Clear();
        var cleared = Stopwatch.StartNew();

        row.Note($"{conflicts} status writes answered 409 Conflict");
        await row.ConvergesAsync(cleared, "both Ready");
    }

    /// <summary>Keeps the fault until the operator met it <paramref name="enough"/> times, or for the fault window at most.</summary>
    private static async Task<int> HoldAsync(Func<int> met, int enough)
    {
        var window = Stopwatch.StartNew();
        while (met() < enough && window.Elapsed < FaultWindow)
        {
            await Task.Delay(20);
        }
        Assert.True(met() > 0, "the operator never met the fault");
        return met();
    }

    private async Task<bool> InstanceClassIsAsync(string name, string instanceClass)
    {
        var identity = new ResourceIdentity(Group.ApiVersion, "ManagedDatabase", FaultMatrixCluster.Namespace, name, "");
        var described = await _cluster.Aws.Rds.DescribeDBInstancesAsync(
            new DescribeDBInstancesRequest { DBInstanceIdentifier = AwsNames.DbInstanceId(FaultMatrixCluster.ClusterName, identity) }, CancellationToken.None);
        return described.DBInstances?.SingleOrDefault()?.DBInstanceClass == instanceClass;
    }
}
