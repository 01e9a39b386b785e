using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;

namespace Skyforge.Bench;

/// <summary>
/// One benchmark run: fakes up, operator up, every resource applied, wait for all Ready (the create path), then the
/// idle window; counts are taken at each boundary and turned into the result table.
/// </summary>
internal sealed class BenchRun(BenchOptions options, TextWriter output)
{
    /// <returns>0 when every resource became Ready, 1 otherwise (the table still shows what was measured).</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("skyforge-bench-").FullName;
        await output.WriteLineAsync($"Skyforge scale benchmark: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await output.WriteLineAsync($"command: --databases {options.Databases} --caches {options.Caches} --buses {options.Buses} --apps {options.Apps} " +
            $"--backend {options.Backend.ToString().ToLowerInvariant()} --idle-seconds {options.IdleWindow.TotalSeconds:0} --drift-seconds {options.DriftInterval.TotalSeconds:0}" +
            (options.OperatorPath is null ? string.Empty : $" --operator {options.OperatorPath}") +
            string.Concat(options.OperatorArguments.Select(argument => $" --operator-arg {argument}")));

        await using var cluster = await BenchCluster.StartAsync(work);
        await using var aws = await BenchAws.StartAsync(options.Backend, cancellationToken);
        await output.WriteLineAsync($"Kubernetes: TestKit API server in the harness process ({cluster.Server.Url}), workload simulator on");
        await output.WriteLineAsync($"AWS: {aws.Description}");
        var manifests = Manifests(aws.Network);

        var startup = Stopwatch.StartNew();
        await using var operatorProcess = await OperatorProcess.StartAsync(cluster.KubeconfigPath, aws.Proxy.Endpoint, options, work, cancellationToken);
        startup.Stop();
        await output.WriteLineAsync($"operator: `skyforge run` as child process {operatorProcess.ProcessId}, ready after {startup.Elapsed.TotalSeconds:0.00} s; log {operatorProcess.LogPath}");

        var appsAvailable = KubernetesTraffic.OperatorListed(cluster.Server.Requests, BenchKinds.Apps.Plural);
        if (options.Apps > 0 && !appsAvailable)
        {
            await output.WriteLineAsync($"apps: not available — the operator runs no AppPlatform controller (OperatorModules.All); the {options.Apps} apps are not applied");
        }
        var expected = new Dictionary<ResourceType, int>
        {
            [BenchKinds.Databases] = options.Databases,
            [BenchKinds.Caches] = options.Caches,
            [BenchKinds.Buses] = options.Buses,
            [BenchKinds.Apps] = appsAvailable ? options.Apps : 0,
        };

        var started = await PhaseAsync(operatorProcess, aws, cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var (type, count) in expected)
        {
            await cluster.CreateAllAsync(type, manifests[type](count), cancellationToken);
        }
        var applied = clock.Elapsed;
        await output.WriteLineAsync($"applied {expected.Values.Sum():N0} resources in {applied.TotalSeconds:0.0} s; waiting for all Ready (timeout {options.ReadyTimeout.TotalSeconds:0} s)");
        var tracker = new ReadinessTracker(cluster, expected);
        var readyTimes = await tracker.WaitAsync(clock, options.ReadyTimeout, output, cancellationToken);
        var ready = await PhaseAsync(operatorProcess, aws, cancellationToken);
        var allReady = readyTimes.Values.All(time => time is not null);

        var idleRss = new List<long>();
        if (allReady)
        {
            await output.WriteLineAsync($"all Ready after {clock.Elapsed.TotalSeconds:0.0} s; idle window of {options.IdleWindow.TotalSeconds:0} s");
            var idleClock = Stopwatch.StartNew();
            while (idleClock.Elapsed < options.IdleWindow)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                idleRss.Add(operatorProcess.Sample().Rss);
            }
        }
        var idle = allReady ? await PhaseAsync(operatorProcess, aws, cancellationToken) : ready;
        if (operatorProcess.HasExited)
        {
            await output.WriteLineAsync("the operator process exited during the run");
        }

        var records = aws.Proxy.Requests;
        var rows = new BenchReport(options, expected, appsAvailable)
        {
            Startup = startup.Elapsed,
            Applied = applied,
            ReadyTimes = readyTimes,
            ReadyCounts = expected.Keys.ToDictionary(type => type, tracker.ReadyCount),
            ReadyPollInterval = tracker.PollInterval,
            Started = started,
            Ready = ready,
            Idle = idle,
            IdleRss = idleRss,
            CreateKubernetes = KubernetesTraffic.Between(cluster.Server.Requests, started.Time, ready.Time),
            IdleKubernetes = KubernetesTraffic.Between(cluster.Server.Requests, ready.Time, idle.Time),
            CreateAws = AwsTraffic.Slice(records, started.AwsRecords, ready.AwsRecords),
            IdleAws = AwsTraffic.Slice(records, ready.AwsRecords, idle.AwsRecords),
            UnhandledAws = aws.UnhandledOperations,
            OperatorLog = OperatorLogSummary.Read(operatorProcess.LogPath),
        }.Rows();

        await output.WriteLineAsync();
        await output.WriteLineAsync("| Figure | Value | Detail |");
        await output.WriteLineAsync("|---|---|---|");
        foreach (var row in rows)
        {
            await output.WriteLineAsync($"| {row.Figure} | {row.Value} | {row.Detail} |");
        }
        return allReady ? 0 : 1;
    }

    private static async Task<Phase> PhaseAsync(OperatorProcess operatorProcess, BenchAws aws, CancellationToken cancellationToken)
    {
        var metrics = operatorProcess.HasExited ? MetricsScrape.Empty : await operatorProcess.ScrapeAsync(cancellationToken);
        TimeSpan? motoCpu = null;
        if (aws.MotoProcessId is { } motoId)
        {
            try
            {
                using var moto = Process.GetProcessById(motoId);
                motoCpu = moto.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // moto exited; its share is reported as unknown.
            }
        }
        using var self = Process.GetCurrentProcess();
        return new Phase(DateTimeOffset.UtcNow, operatorProcess.Sample(), metrics, self.TotalProcessorTime, motoCpu, aws.Proxy.Requests.Count);
    }

    private Dictionary<ResourceType, Func<int, IEnumerable<JsonObject>>> Manifests(AwsNetwork network)
    {
        var manifests = new Dictionary<ResourceType, Func<int, IEnumerable<JsonObject>>>
        {
            [BenchKinds.Databases] = count => Enumerable.Range(1, count).Select(index => BenchManifests.Database(index, network)),
            [BenchKinds.Caches] = count => Enumerable.Range(1, count).Select(index => BenchManifests.Cache(index, network)),
            [BenchKinds.Buses] = count => Enumerable.Range(1, count).Select(index => BenchManifests.Bus(index, network)),
            [BenchKinds.Apps] = count => Enumerable.Range(1, count).Select(BenchManifests.App),
        };
        foreach (var make in manifests.Values)
        {
            BenchManifests.Validate(make(1).Single());
        }
        return manifests;
    }
}
