namespace Skyforge.Bench;

/// <summary>One line of the Prometheus text format: a series and its value.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
