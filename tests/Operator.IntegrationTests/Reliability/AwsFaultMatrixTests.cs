using System.Diagnostics;
using System.Globalization;
using Skyforge.Aws;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.TestKit.Aws;
using Xunit.Abstractions;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// AWS faults from the proxy in each protocol's real shape while the operator creates one database and deletes another:
/// throttling at 10, 30 and 60 % of requests, a burst of 5xx long enough to open the circuit breaker, and latency spikes
/// beyond the attempt timeout (with a slow Kubernetes API at the same time).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AwsFaultMatrixTests(MotoFixture moto, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan FaultWindow = TimeSpan.FromSeconds(4);

    private FaultMatrixCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FaultMatrixCluster.StartAsync(moto);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(60)]
    public async Task Throttling_of_a_share_of_requests_slows_creates_and_deletes_but_leaves_no_duplicate_or_orphan(int percent)
    {
        var row = new FaultMatrixRow(_cluster, output, $"AWS throttling {percent} %");
        await StartWithLegacyDatabaseAsync();
        moto.Proxy.ClearRecords();

        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Throttle()) { Probability = percent / 100.0 });
        var underFault = Stopwatch.StartNew();
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.DeleteAsync("legacy");
        await _cluster.WaitForConvergenceAsync(FaultMatrixTimings.ConvergenceBound * 2, $"under {percent} % throttling");
        var convergedUnderFault = underFault.Elapsed;
        moto.Proxy.ClearFaults();
        var cleared = Stopwatch.StartNew();

        var requests = moto.Proxy.Requests;
        var throttled = requests.Count(request => request.Fault == AwsFaultKind.Throttle);
        row.Note($"converged under the fault in {FaultMatrixRow.Seconds(convergedUnderFault)} s; {throttled} of {requests.Count} AWS requests throttled ({Percent(throttled, requests.Count)} %)");
        Assert.True(throttled > 0, "no request was throttled");
        await row.ConvergesAsync(cleared, "orders Ready, legacy deleted");
    }

    [Fact]
    public async Task A_burst_of_server_errors_opens_the_circuit_and_everything_converges_once_it_passes()
    {
        var row = new FaultMatrixRow(_cluster, output, "AWS 5xx burst");
        await StartWithLegacyDatabaseAsync();
        moto.Proxy.ClearRecords();

        moto.Proxy.Inject(new AwsFaultRule(AwsFault.ServerError()));
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.DeleteAsync("legacy");
        Assert.True(
            await HoldAsync(() => ReadyMessage("orders").Contains(AwsErrorCodes.CircuitOpen, StringComparison.Ordinal)),
            $"the circuit never opened; orders: {ReadyMessage("orders")}");
        moto.Proxy.ClearFaults();
        var cleared = Stopwatch.StartNew();

        row.Note($"{moto.Proxy.Requests.Count(request => request.Fault == AwsFaultKind.ServerError)} AWS requests answered 503, then the circuit opened (orders: Ready=False, {DataServicesOperator.Reason(_cluster.StoredDatabase("orders")!, "Ready")})");
        await row.ConvergesAsync(cleared, "orders Ready, legacy deleted");
    }

    [Fact]
    public async Task Latency_spikes_beyond_the_attempt_timeout_and_a_slow_api_server_delay_but_lose_nothing()
    {
        var row = new FaultMatrixRow(_cluster, output, "latency spikes");
        await StartWithLegacyDatabaseAsync();
        moto.Proxy.ClearRecords();

        var delay = FaultMatrixTimings.AwsResilience().AttemptTimeout * 1.5;
        moto.Proxy.Inject(new AwsFaultRule(AwsFault.Latency(delay)) { Probability = 0.5 });
        _cluster.Server.Faults.Latency = TimeSpan.FromMilliseconds(200);
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("orders"));
        await _cluster.DeleteAsync("legacy");
        await HoldAsync(() => Unanswered() >= 3);
        var unanswered = Unanswered();
        moto.Proxy.ClearFaults();
        _cluster.Server.Faults.Clear();
        var cleared = Stopwatch.StartNew();

        row.Note($"AWS: half the requests delayed {FaultMatrixRow.Seconds(delay)} s against a {FaultMatrixRow.Seconds(FaultMatrixTimings.AwsResilience().AttemptTimeout)} s attempt timeout, {unanswered} attempts abandoned; Kubernetes API: +200 ms on every request");
        Assert.True(unanswered > 0, "no AWS attempt outlived its timeout");
        await row.ConvergesAsync(cleared, "orders Ready, legacy deleted");
    }

    /// <summary>An operator with one Ready database, "legacy", for the fault to catch mid-deletion.</summary>
    private async Task StartWithLegacyDatabaseAsync()
    {
        await _cluster.StartOperatorAsync("operator");
        await _cluster.ApplyAsync(_cluster.DatabaseManifest("legacy"));
        await _cluster.WaitForConvergenceAsync(FaultMatrixTimings.ConvergenceBound, "legacy Ready before the fault");
    }

    /// <summary>Keeps the fault until <paramref name="met"/> holds, or for the fault window at most; whether it held.</summary>
    private static async Task<bool> HoldAsync(Func<bool> met)
    {
        var window = Stopwatch.StartNew();
        while (window.Elapsed < FaultWindow)
        {
            if (met())
            {
                return true;
            }
            await Task.Delay(20);
        }
        return met();
    }

    /// <summary>Requests the proxy received but never answered: their attempt timed out (or is still waiting).</summary>
    private int Unanswered() => moto.Proxy.Count("rds") + moto.Proxy.Count("secretsmanager") - moto.Proxy.Requests.Count(request => request.Service is "rds" or "secretsmanager");

    private string ReadyMessage(string name) =>
        _cluster.StoredDatabase(name) is { } stored ? DataServicesOperator.Condition(stored, "Ready")?["message"]?.GetValue<string>() ?? "" : "";

    private static string Percent(int part, int whole) => (whole == 0 ? 0 : part * 100.0 / whole).ToString("0", CultureInfo.InvariantCulture);
}
