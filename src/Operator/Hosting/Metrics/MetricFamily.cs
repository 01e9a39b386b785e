using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>The live state of one Prometheus metric, fed by one or more instruments of the same name and kind.</summary>
internal sealed class MetricFamily(string name, MetricType type, string? help, bool observable, double[] histogramBounds)
{
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public string Name => name;

    public MetricType Type => type;

    /// <summary>Fed by observable instruments, whose callbacks report every current value at collection time.</summary>
    public bool Observable => observable;

    public void Record(MeasurementAggregation aggregation, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd(Key(labels), static (_, state) => new Series(state.labels, state.bounds), (labels, bounds: histogramBounds));
        series.Record(aggregation, value);
    }

    /// <summary>Forgets every series; observable families are re-filled by their callbacks before each collection.</summary>
    public void Clear() => _series.Clear();

    public MetricFamilySnapshot Snapshot() => new(
        name,
        type,
        help,
        [.. _series.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value.Snapshot())]);

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return [];
        }
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var labelName = PrometheusNames.LabelName(key);
            if (!labels.Exists(existing => existing.Key == labelName))
            {
                labels.Add(new(labelName, LabelValue(value)));
            }
        }
        labels.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        return [.. labels];
    }

    private static string LabelValue(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Key(KeyValuePair<string, string>[] labels)
    {
        var key = new StringBuilder();
        foreach (var (labelName, labelValue) in labels)
        {
            key.Append(labelName).Append('=').Append(PrometheusNames.EscapeLabelValue(labelValue)).Append('\0');
        }
        return key.ToString();
    }

    private sealed class Series(KeyValuePair<string, string>[] labels, double[] bounds)
    {
        private readonly Lock _lock = new();
        private double _value;
        private long[]? _buckets;
        private long _count;

        public void Record(MeasurementAggregation aggregation, double value)
        {
            lock (_lock)
            {
                switch (aggregation)
                {
                    case MeasurementAggregation.Sum:
                        _value += value;
                        break;
                    case MeasurementAggregation.LastValue:
                        _value = value;
                        break;
                    default:
                        _buckets ??= new long[bounds.Length + 1];
                        var index = Array.BinarySearch(bounds, value);
                        _buckets[index >= 0 ? index : ~index]++;
                        _value += value;
                        _count++;
                        break;
                }
            }
        }

        public MetricSeriesSnapshot Snapshot()
        {
            lock (_lock)
            {
                return _buckets is null
                    ? new MetricSeriesSnapshot(labels, _value)
                    : new MetricSeriesSnapshot(labels, _value, new HistogramSnapshot(bounds, [.. _buckets], _value, _count));
            }
        }
    }
}
