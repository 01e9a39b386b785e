namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>One label set of a metric and its value (for a histogram, its buckets).</summary>
/// <param name="Labels">Valid label names, sorted, with raw (unescaped) values.</param>
/// <param name="Value">The counter or gauge value; unused for histograms.</param>
public sealed record MetricSeriesSnapshot(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramSnapshot? Histogram = null);
