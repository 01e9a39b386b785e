namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>A histogram's observations so far.</summary>
/// <param name="UpperBounds">Bucket upper bounds (inclusive), ascending, without +Inf.</param>
/// <param name="BucketCounts">Observations per bucket, not cumulative; one more entry than bounds (the +Inf bucket).</param>
public sealed record HistogramSnapshot(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
