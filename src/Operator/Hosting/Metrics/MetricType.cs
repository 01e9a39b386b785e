namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>The Prometheus metric types the exporter writes.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
