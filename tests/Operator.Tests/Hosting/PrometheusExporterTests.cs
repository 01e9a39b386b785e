using System.Diagnostics.Metrics;
using System.Text;
using Skyforge.Operator.Hosting.Metrics;

namespace Skyforge.Operator.Tests.Hosting;

public sealed class PrometheusExporterTests : IDisposable
{
    private const string MeterName = "Skyforge.Tests.Exporter";
    private readonly object _scope = new();
    private readonly Meter _meter;
    private readonly MeterCollector _collector;

    public PrometheusExporterTests()
    {
        _meter = new Meter(new MeterOptions(MeterName) { Scope = _scope });
        _collector = new MeterCollector([MeterName], _scope);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Writes_counters_gauges_and_histograms_in_text_format_0_0_4()
    {
        var calls = _meter.CreateCounter<long>("skyforge_test_calls_total", description: "Calls by \"path\"\nand outcome \\ here");
        calls.Add(2, new("path", "C:\\dir \"quoted\"\nnext"), new("outcome", "ok"));
        calls.Add(1, new("outcome", "ok"), new("path", "C:\\dir \"quoted\"\nnext"));
        var depth = _meter.CreateUpDownCounter<int>("skyforge.test.depth", description: "Queue depth");
        depth.Add(5, new KeyValuePair<string, object?>("name", "a"));
        depth.Add(-2, new KeyValuePair<string, object?>("name", "a"));
        var temperature = _meter.CreateGauge<double>("skyforge_test_temperature", description: "Last reading");
        temperature.Record(1.5);
        temperature.Record(-0.25);
        var latency = _meter.CreateHistogram(
            "skyforge_test_latency_seconds", "s", "Latency", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.125, 1] });
        foreach (var seconds in new[] { 0.0625, 0.125, 0.5, 3 })
        {
            latency.Record(seconds, new KeyValuePair<string, object?>("operation", "get"));
        }
        _meter.CreateCounter<long>("skyforge_test_retries").Add(1);

        Assert.Equal(
            """
            # HELP skyforge_test_calls_total Calls by "path"\nand outcome \\ here
            # TYPE skyforge_test_calls_total counter
            skyforge_test_calls_total{outcome="ok",path="C:\\dir \"quoted\"\nnext"} 3
            # HELP skyforge_test_depth Queue depth
            # TYPE skyforge_test_depth gauge
            skyforge_test_depth{name="a"} 3
            # HELP skyforge_test_latency_seconds Latency
            # TYPE skyforge_test_latency_seconds histogram
            skyforge_test_latency_seconds_bucket{operation="get",le="0.125"} 2
            skyforge_test_latency_seconds_bucket{operation="get",le="1"} 3
            skyforge_test_latency_seconds_bucket{operation="get",le="+Inf"} 4
            skyforge_test_latency_seconds_sum{operation="get"} 3.6875
            skyforge_test_latency_seconds_count{operation="get"} 4
            # TYPE skyforge_test_retries_total counter
            skyforge_test_retries_total 1
            # HELP skyforge_test_temperature Last reading
            # TYPE skyforge_test_temperature gauge
            skyforge_test_temperature -0.25

            """.ReplaceLineEndings("\n"),
            Render(_collector.Collect()));
    }

    [Fact]
    public void Histograms_without_advice_use_the_prometheus_default_buckets()
    {
        _meter.CreateHistogram<double>("skyforge_test_wait_seconds").Record(0.3);

        var text = Render(_collector.Collect());

        Assert.Contains("skyforge_test_wait_seconds_bucket{le=\"0.25\"} 0\n", text);
        Assert.Contains("skyforge_test_wait_seconds_bucket{le=\"0.5\"} 1\n", text);
        Assert.Contains("skyforge_test_wait_seconds_bucket{le=\"10\"} 1\n", text);
        Assert.Contains("skyforge_test_wait_seconds_count 1\n", text);
    }

    [Fact]
    public void Instruments_declared_without_measurements_are_listed_with_their_type()
    {
        _meter.CreateCounter<long>("skyforge_test_idle_total", description: "Nothing yet");

        Assert.Equal(
            "# HELP skyforge_test_idle_total Nothing yet\n# TYPE skyforge_test_idle_total counter\n",
            Render(_collector.Collect()));
    }

    [Fact]
    public void Observable_instruments_report_only_what_their_callback_returns_now()
    {
        var reported = new List<Measurement<long>> { new(7, new KeyValuePair<string, object?>("queue", "a")) };
        _meter.CreateObservableGauge("skyforge_test_pending", () => reported);
        _meter.CreateObservableCounter("skyforge_test_handled", () => new Measurement<long>(12));

        Assert.Contains("skyforge_test_pending{queue=\"a\"} 7\n", Render(_collector.Collect()));

        reported = [new(1, new KeyValuePair<string, object?>("queue", "b"))];
        var text = Render(_collector.Collect());

        Assert.DoesNotContain("queue=\"a\"", text);
        Assert.Contains("skyforge_test_pending{queue=\"b\"} 1\n", text);
        Assert.Contains("# TYPE skyforge_test_handled_total counter\nskyforge_test_handled_total 12\n", text);
    }

    [Fact]
    public void Meters_of_another_host_unscoped_and_unlisted_meters_are_ignored()
    {
        using var otherHost = new Meter(new MeterOptions(MeterName) { Scope = new object() });
        using var unscoped = new Meter(MeterName);
        using var unlisted = new Meter(new MeterOptions("Skyforge.Tests.Unlisted") { Scope = _scope });
        otherHost.CreateCounter<long>("skyforge_test_other_host_total").Add(1);
        unscoped.CreateCounter<long>("skyforge_test_unscoped_total").Add(1);
        unlisted.CreateCounter<long>("skyforge_test_unlisted_total").Add(1);
        _meter.CreateCounter<long>("skyforge_test_mine_total").Add(1);

        Assert.Equal("# TYPE skyforge_test_mine_total counter\nskyforge_test_mine_total 1\n", Render(_collector.Collect()));
    }

    [Fact]
    public void Tag_names_are_turned_into_valid_label_names()
    {
        _meter.CreateCounter<long>("skyforge_test_requests_total").Add(1, new("http.method", "GET"), new("2xx", true));

        Assert.Contains("skyforge_test_requests_total{_2xx=\"true\",http_method=\"GET\"} 1\n", Render(_collector.Collect()));
    }

    [Fact]
    public void Process_metrics_describe_this_process()
    {
        var families = new ProcessMetrics().Collect().ToDictionary(family => family.Name);

        Assert.True(families["process_resident_memory_bytes"].Series.Single().Value > 1024 * 1024);
        Assert.Equal(MetricType.Counter, families["process_cpu_seconds_total"].Type);
        Assert.True(families["process_cpu_seconds_total"].Series.Single().Value > 0);
        var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(families["process_start_time_seconds"].Series.Single().Value * 1000));
        Assert.InRange(started, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow);
    }

    private static string Render(IEnumerable<MetricFamilySnapshot> families)
    {
        var text = new StringBuilder();
        PrometheusTextWriter.Write(text, families);
        return text.ToString();
    }
}
