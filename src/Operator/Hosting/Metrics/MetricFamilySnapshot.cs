namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>One metric (a name, its type and help) and the current value of each of its label sets.</summary>
/// <param name="Name">A valid Prometheus metric name; counters end in <c>_total</c>.</param>
/// <param name="Help">Null writes no <c># HELP</c> line.</param>
public sealed record MetricFamilySnapshot(string Name, MetricType Type, string? Help, IReadOnlyList<MetricSeriesSnapshot> Series);
