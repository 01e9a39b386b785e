using System.Globalization;
using Skyforge.Kubernetes;

namespace Skyforge.Bench;

/// <summary>Turns what a run counted into the rows of the result table.</summary>
internal sealed class BenchReport(BenchOptions options, IReadOnlyDictionary<ResourceType, int> applied, bool appsAvailable)
{
    private const double MiB = 1024 * 1024;

    private const string QueueDurationHistogram = "skyforge_workqueue_queue_duration_seconds";

    /// <summary>The batching goal of issue 8: AWS read calls per drift cycle at most ceil(N / 50) per kind and region.</summary>
    private const int DriftGoalPageSize = 50;

    public required TimeSpan Startup { get; init; }

    public required TimeSpan Applied { get; init; }

    public required IReadOnlyDictionary<ResourceType, TimeSpan?> ReadyTimes { get; init; }

    public required IReadOnlyDictionary<ResourceType, int> ReadyCounts { get; init; }

    public required TimeSpan ReadyPollInterval { get; init; }

    public required Phase Started { get; init; }

    public required Phase Ready { get; init; }

    public required Phase Idle { get; init; }

    public required IReadOnlyList<long> IdleRss { get; init; }

    public required KubernetesTraffic CreateKubernetes { get; init; }

    public required KubernetesTraffic IdleKubernetes { get; init; }

    public required AwsTraffic CreateAws { get; init; }

    public required AwsTraffic IdleAws { get; init; }

    public required IReadOnlyDictionary<string, int> UnhandledAws { get; init; }

    public required OperatorLogSummary OperatorLog { get; init; }

    private int Total => applied.Values.Sum();

    private bool AllReady => ReadyTimes.Values.All(time => time is not null);

    private double IdleMinutes => (Idle.Time - Ready.Time).TotalMinutes;

    public IReadOnlyList<ReportRow> Rows() =>
        [
            Resources(),
            TimeToReady(),
            Cpu(),
            new("Operator RSS, peak", MiBText(Idle.Operator.PeakRss),
                $"VmHWM of the operator process over the whole run; {MiBText(Ready.Operator.Rss)} when all were Ready, managed heap then {MiBText(ManagedHeap(Ready))}"),
            IdleRssRow(),
            KubernetesCreate(),
            KubernetesIdle(),
            AwsCreate(),
            DriftReads(),
            new("AWS write calls per idle minute", AllReady ? Rate(IdleAws.Writes, IdleMinutes) : "—", AllReady ? $"{IdleAws.Writes} in the window (goal 0)" : "no idle window"),
            StatusWrites(),
            QueueLatency("Work-queue latency p50 / p99, create path", Started, Ready),
            QueueLatency("Work-queue latency p50 / p99, idle window", Ready, Idle),
            Reconciles(),
            Fakes(),
            Problems(),
        ];

    private ReportRow Resources()
    {
        var apps = options.Apps == 0 ? "0 apps" : appsAvailable ? $"{options.Apps} apps" : $"apps not available ({options.Apps} requested; no AppPlatform controller in OperatorModules.All)";
        var backend = options.Backend == AwsBackendKind.Stub ? "AWS = COUNTING STUB (not moto, not AWS)" : "AWS = moto behind the fault proxy";
        return new ReportRow("Resources", $"{Total:N0}",
            $"{options.Databases} ManagedDatabases (RDS postgres), {options.Caches} ManagedCaches (ElastiCache redis replication groups), " +
            $"{options.Buses} MessageBuses (MSK kafka), {apps}; {backend}; drift interval {options.DriftInterval.TotalSeconds:0} s");
    }

    private ReportRow TimeToReady()
    {
        var perKind = string.Join(", ", ReadyTimes.Where(pair => applied[pair.Key] > 0)
            .Select(pair => $"{pair.Key.Plural} {(pair.Value is { } time ? Seconds(time) : $"not reached ({ReadyCounts[pair.Key]}/{applied[pair.Key]})")}"));
        var value = AllReady ? Seconds(ReadyTimes.Values.Max()!.Value) : $"not reached in {Seconds(options.ReadyTimeout)}";
        return new ReportRow("Time to all-Ready", value,
            $"from the first create to the last Ready (polled every {ReadyPollInterval.TotalSeconds:0.##} s); per kind: {perKind}; applying took {Seconds(Applied)}; operator start-up to /readyz {Seconds(Startup)}");
    }

    private ReportRow Cpu()
    {
        var create = Ready.Operator.Cpu - Started.Operator.Cpu;
        var idle = Idle.Operator.Cpu - Ready.Operator.Cpu;
        var idleShare = AllReady && IdleMinutes > 0 ? $" = {idle.TotalSeconds / (IdleMinutes * 60) * 100:0.0} % of one core" : "";
        return new ReportRow("Operator CPU seconds", Seconds(Idle.Operator.Cpu, "0.0"),
            $"user+system of the operator process: start-up {Seconds(Started.Operator.Cpu, "0.0")}, create path {Seconds(create, "0.0")}, idle window {Seconds(idle, "0.0")}{idleShare}");
    }

    private ReportRow IdleRssRow() => IdleRss.Count == 0
        ? new ReportRow("Operator RSS, idle", "—", "no idle window")
        : new ReportRow("Operator RSS, idle", MiBText(Idle.Operator.Rss),
            $"VmRSS at the end of the idle window ({MiBText(IdleRss.Min())} … {MiBText(IdleRss.Max())} sampled each second in it); managed heap {MiBText(ManagedHeap(Idle))}; " +
            $"{Idle.Metrics.Sum("dotnet_gc_collections_total"):N0} GCs so far");

    private static long ManagedHeap(Phase phase) => (long)phase.Metrics.Sum("dotnet_gc_heap_size_bytes");

    private ReportRow KubernetesCreate() => new("Kubernetes requests per resource, create path", PerResource(CreateKubernetes.Total),
        $"{CreateKubernetes.Total:N0} requests by the operator from the first create to all-Ready: {CreateKubernetes.ByVerb()}; most: {CreateKubernetes.ByResource(6)}");

    private ReportRow KubernetesIdle() => AllReady
        ? new ReportRow("Kubernetes requests per resource per idle minute", Ratio(IdleKubernetes.Total / IdleMinutes, Total),
            $"{IdleKubernetes.Total:N0} in {IdleMinutes * 60:0} s = {Rate(IdleKubernetes.Total, IdleMinutes)} in all: {IdleKubernetes.ByVerb()}; most: {IdleKubernetes.ByResource(6)}")
        : new ReportRow("Kubernetes requests per resource per idle minute", "—", "no idle window");

    private ReportRow AwsCreate()
    {
        var awsResources = options.DataServices;
        var perService = string.Join("; ", CreateAws.Services.Select(service =>
        {
            var (count, what) = ResourcesUsing(service);
            var per = count > 0 ? $"{(double)CreateAws.Count(service) / count:0.0} per {what}" : $"{CreateAws.Count(service)} in all";
            return $"{service} {per} ({CreateAws.Operations(service)})";
        }));
        return new ReportRow("AWS calls per resource, create path", awsResources > 0 ? PerResource(CreateAws.Total, awsResources) : "—",
            $"{CreateAws.Total:N0} requests through the proxy (retries included) for {awsResources:N0} AWS-backed resources: {(perService.Length == 0 ? "none" : perService)}");
    }

    private ReportRow DriftReads()
    {
        if (!AllReady)
        {
            return new ReportRow("AWS read calls per drift cycle", "—", "no idle window");
        }
        var kinds = new (string Service, string Kind, int Count)[] { ("rds", "databases", options.Databases), ("elasticache", "caches", options.Caches), ("kafka", "buses", options.Buses) };
        var values = new List<string>();
        var details = new List<string>();
        foreach (var (service, kind, count) in kinds.Where(kind => kind.Count > 0))
        {
            var cycles = IdleAws.ListingsStarted(service);
            var reads = IdleAws.Reads(service);
            var goal = (count + DriftGoalPageSize - 1) / DriftGoalPageSize;
            values.Add(cycles == 0 ? $"{kind}: no cycle" : $"{kind} {(double)reads / cycles:0.#}");
            details.Add($"{kind}: {reads} {service} reads in {cycles} cycle(s), goal ≤ {goal} ({IdleAws.Operations(service)})");
        }
        var secrets = IdleAws.Reads("secretsmanager");
        details.Add($"secretsmanager reads in the window: {secrets}");
        return new ReportRow("AWS read calls per drift cycle", values.Count == 0 ? "—" : string.Join(", ", values),
            $"idle window of {IdleMinutes * 60:0} s with drift interval {options.DriftInterval.TotalSeconds:0} s; a cycle = one listing that starts at page 1: {string.Join("; ", details)}");
    }

    private ReportRow StatusWrites() => new("Status writes per idle minute", AllReady ? Rate(IdleKubernetes.StatusWrites, IdleMinutes) : "—",
        (AllReady ? $"{IdleKubernetes.StatusWrites} in the window (goal 0); " : "") +
        $"create path: {CreateKubernetes.StatusWrites:N0} status writes = {PerResource(CreateKubernetes.StatusWrites)} per resource");

    private static ReportRow QueueLatency(string figure, Phase from, Phase to)
    {
        var buckets = HistogramQuantile.Between(from.Metrics.Buckets(QueueDurationHistogram), to.Metrics.Buckets(QueueDurationHistogram));
        var p50 = HistogramQuantile.Estimate(buckets, 0.50);
        var p99 = HistogramQuantile.Estimate(buckets, 0.99);
        var count = buckets.Count == 0 ? 0 : buckets.Last().Value;
        var top = buckets.Keys.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        string Text(double seconds) => double.IsPositiveInfinity(seconds) ? $"> {Milliseconds(top)}" : Milliseconds(seconds);
        return new ReportRow(figure, p50 is null ? "—" : $"{Text(p50.Value)} / {Text(p99!.Value)}",
            $"time a key waited before a worker took it, all controllers, {count:N0} keys; estimated from the {QueueDurationHistogram} histogram buckets");
    }

    private ReportRow Reconciles()
    {
        const string name = "skyforge_reconcile_total";
        var controllers = Idle.Metrics.ControllerNames(name);
        var create = string.Join(", ", controllers.Select(controller => $"{controller} {Reconciled(Ready, controller) - Reconciled(Started, controller):N0}"));
        var idle = string.Join(", ", controllers.Select(controller => $"{controller} {Reconciled(Idle, controller) - Reconciled(Ready, controller):N0}"));
        return new ReportRow("Reconciles", $"{Idle.Metrics.Sum(name) - Started.Metrics.Sum(name):N0}", $"create path: {create}; idle window: {idle}");

        static double Reconciled(Phase phase, string controller) => phase.Metrics.Sum(name, labels => labels.GetValueOrDefault("controller") == controller);
    }

    private ReportRow Fakes()
    {
        var harnessCreate = Ready.HarnessCpu - Started.HarnessCpu;
        var harnessIdle = Idle.HarnessCpu - Ready.HarnessCpu;
        var moto = Idle.MotoCpu is { } motoIdle && Ready.MotoCpu is { } motoReady && Started.MotoCpu is { } motoStarted
            ? $"; moto process: create path {Seconds(motoReady - motoStarted, "0.0")}, idle window {Seconds(motoIdle - motoReady, "0.0")}"
            : "";
        return new ReportRow("Fakes' CPU seconds (not the operator)", Seconds(harnessCreate + harnessIdle, "0.0"),
            $"harness process (API server, workload simulator, fault proxy{(options.Backend == AwsBackendKind.Stub ? ", AWS stub" : "")}, readiness polling): create path {Seconds(harnessCreate, "0.0")}, idle window {Seconds(harnessIdle, "0.0")}{moto}");
    }

    private ReportRow Problems()
    {
        var failures = CreateAws.Failures + IdleAws.Failures;
        var unexpected = CreateAws.UnexpectedFailures + IdleAws.UnexpectedFailures;
        var detail = new List<string>
        {
            $"operator log: {OperatorLog.Lines:N0} lines, {OperatorLog.Warnings} warnings, {OperatorLog.Errors} errors{(OperatorLog.TopProblems.Count > 0 ? ": " + string.Join("; ", OperatorLog.TopProblems).Replace('|', '/') : "")}",
            $"AWS error responses: {failures}, of which {failures - unexpected} are 4xx answers to reads (the existence checks before a create){(failures > 0 ? $": {CreateAws.FailureSummary()} {IdleAws.FailureSummary()}" : "")}",
        };
        if (UnhandledAws.Count > 0)
        {
            detail.Add($"operations the stub does not implement: {string.Join(", ", UnhandledAws.Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        }
        return new ReportRow("Errors (log errors + unexpected AWS errors)", $"{OperatorLog.Errors + unexpected}", string.Join("; ", detail));
    }

    private (int Count, string What) ResourcesUsing(string service) => service switch
    {
        "rds" => (options.Databases, "database"),
        "elasticache" => (options.Caches, "cache"),
        "kafka" => (options.Buses, "bus"),
        "secretsmanager" => (options.Databases + options.Caches, "database or cache"),
        _ => (0, ""),
    };

    private string PerResource(int count) => PerResource(count, Total);

    private static string PerResource(int count, int resources) => Ratio(count, resources);

    private static string Ratio(double count, int resources) =>
        resources == 0 ? "—" : (count / resources).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Rate(int count, double minutes) =>
        minutes <= 0 ? "—" : (count / minutes).ToString("0.0", CultureInfo.InvariantCulture) + " /min";

    private static string MiBText(long bytes) => (bytes / MiB).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static string Milliseconds(double seconds) => (seconds * 1000).ToString(seconds < 0.01 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(TimeSpan time, string format = "0.0") => time.TotalSeconds.ToString(format, CultureInfo.InvariantCulture) + " s";
}
