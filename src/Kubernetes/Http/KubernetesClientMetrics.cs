using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Skyforge.Kubernetes.Http;

/// <summary>Instruments of meter <c>Skyforge.Kubernetes</c>: one count per API request by verb, resource and status code.</summary>
public sealed class KubernetesClientMetrics
{
    public const string MeterName = "Skyforge.Kubernetes";
    public const string RequestsTotal = "skyforge_kubernetes_requests_total";
    public const string RequestDuration = "skyforge_kubernetes_request_duration_seconds";

    private static readonly Meter SharedMeter = new(MeterName);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    /// <param name="meterFactory">The host's factory; without one, a process-wide meter is used.</param>
    public KubernetesClientMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        _requests = meter.CreateCounter<long>(RequestsTotal, description: "Kubernetes API requests by verb, resource and HTTP status code");
        _duration = meter.CreateHistogram(
            RequestDuration,
            unit: "s",
            description: "Kubernetes API request latency until response headers (watches: until the stream opened)",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    /// <param name="code">The HTTP status code, or <c>error</c> when no response arrived.</param>
    public void RecordRequest(string verb, string resource, string code, TimeSpan duration)
    {
        var tags = new TagList { { "verb", verb }, { "resource", resource }, { "code", code } };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }
}
