using System.Diagnostics;
using System.Globalization;

namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>
/// The standard <c>process_*</c> metrics Prometheus clients export (memory, CPU, start time, file descriptors), plus
/// the .NET garbage collector's counts and heap size, read at collection time.
/// </summary>
public sealed class ProcessMetrics
{
    private const string ProcFileDescriptors = "/proc/self/fd";
    private const string ProcLimits = "/proc/self/limits";

    private readonly Lazy<double> _startTime = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0;
    });

    public IReadOnlyList<MetricFamilySnapshot> Collect()
    {
        using var process = Process.GetCurrentProcess();
        var families = new List<MetricFamilySnapshot>
        {
            Single("process_cpu_seconds_total", MetricType.Counter, "Total user and system CPU time spent in seconds.", Environment.CpuUsage.TotalTime.TotalSeconds),
            Single("process_resident_memory_bytes", MetricType.Gauge, "Resident memory size in bytes.", process.WorkingSet64),
            Single("process_virtual_memory_bytes", MetricType.Gauge, "Virtual memory size in bytes.", process.VirtualMemorySize64),
            Single("process_start_time_seconds", MetricType.Gauge, "Start time of the process since unix epoch in seconds.", _startTime.Value),
        };
        if (Directory.Exists(ProcFileDescriptors))
        {
            families.Add(Single("process_open_fds", MetricType.Gauge, "Number of open file descriptors.", Directory.EnumerateFileSystemEntries(ProcFileDescriptors).Count()));
        }
        if (MaxOpenFiles() is { } maxFiles)
        {
            families.Add(Single("process_max_fds", MetricType.Gauge, "Maximum number of open file descriptors.", maxFiles));
        }
        families.Add(new MetricFamilySnapshot(
            "dotnet_gc_collections_total",
            MetricType.Counter,
            "Garbage collections since the process started, by generation.",
            [.. Enumerable.Range(0, GC.MaxGeneration + 1).Select(generation => new MetricSeriesSnapshot(
                [new("generation", generation.ToString(CultureInfo.InvariantCulture))],
                GC.CollectionCount(generation)))]));
        families.Add(Single("dotnet_gc_heap_size_bytes", MetricType.Gauge, "Bytes currently thought to be allocated on the managed heap.", GC.GetTotalMemory(forceFullCollection: false)));
        return families;
    }

    private static MetricFamilySnapshot Single(string name, MetricType type, string help, double value) => new(name, type, help, [new MetricSeriesSnapshot([], value)]);

    private static double? MaxOpenFiles()
    {
        if (!File.Exists(ProcLimits))
        {
            return null;
        }
        var line = File.ReadLines(ProcLimits).FirstOrDefault(candidate => candidate.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
    }
}
