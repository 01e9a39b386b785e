namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>How an instrument's measurements turn into a series value.</summary>
internal enum MeasurementAggregation
{
    /// <summary>Counters and up-down counters report increments.</summary>
    Sum,

    /// <summary>Gauges and every observable instrument report the current value (observable counters: the running total).</summary>
    LastValue,

    Histogram,
}
