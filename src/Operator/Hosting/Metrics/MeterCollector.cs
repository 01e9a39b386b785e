using System.Diagnostics.Metrics;

namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>
/// Listens to the instruments of the named meters — counters, up-down counters, gauges, histograms and their
/// observable forms — and keeps their current values per label set for the Prometheus endpoint. Only meters of the
/// given scope count: the host creates all of its meters through its <see cref="IMeterFactory"/>, so another host in
/// the same process, or a component built without a factory (which falls back to a shared unscoped meter), never
/// shows up in this host's figures.
/// </summary>
public sealed class MeterCollector : IDisposable
{
    /// <summary>The meters the operator's <c>/metrics</c> exposes.</summary>
    public static IReadOnlyList<string> OperatorMeters { get; } = ["Skyforge.Kubernetes", "Skyforge.Runtime", "Skyforge.Aws", "Skyforge.Operator"];

    // Prometheus client defaults: sensible for durations in seconds, which is what unadvised histograms here measure.
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly HashSet<string> _meterNames;
    private readonly object? _scope;
    private readonly Lock _familiesLock = new();
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _collectLock = new();
    private readonly MeterListener _listener;

    /// <param name="meterNames">Meters to listen to.</param>
    /// <param name="scope">The <see cref="Meter.Scope"/> accepted: the host's <see cref="IMeterFactory"/>.</param>
    public MeterCollector(IEnumerable<string> meterNames, object? scope)
    {
        _meterNames = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _scope = scope;
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));
        _listener.Start();
    }

    /// <summary>Every metric seen so far, sorted by name; observable instruments are read now.</summary>
    public IReadOnlyList<MetricFamilySnapshot> Collect()
    {
        lock (_collectLock)
        {
            MetricFamily[] families;
            lock (_familiesLock)
            {
                families = [.. _families.Values.OrderBy(family => family.Name, StringComparer.Ordinal)];
            }
            foreach (var family in families.Where(family => family.Observable))
            {
                family.Clear();
            }
            _listener.RecordObservableInstruments();
            return [.. families.Select(family => family.Snapshot())];
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is InstrumentBinding binding)
        {
            binding.Family.Record(binding.Aggregation, value, tags);
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_meterNames.Contains(instrument.Meter.Name) || !ReferenceEquals(instrument.Meter.Scope, _scope))
        {
            return;
        }
        if (Describe(instrument) is not { } description)
        {
            return;
        }
        var (type, aggregation, bounds) = description;
        var name = type == MetricType.Counter ? PrometheusNames.CounterName(instrument.Name) : PrometheusNames.MetricName(instrument.Name);
        MetricFamily family;
        lock (_familiesLock)
        {
            if (!_families.TryGetValue(name, out var existing))
            {
                existing = new MetricFamily(name, type, instrument.Description, instrument.IsObservable, bounds ?? DefaultBounds);
                _families.Add(name, existing);
            }
            family = existing;
        }
        // A second instrument of the same name joins the first only if it means the same thing.
        if (family.Type == type && family.Observable == instrument.IsObservable)
        {
            listener.EnableMeasurementEvents(instrument, new InstrumentBinding(family, aggregation));
        }
    }

    private static (MetricType Type, MeasurementAggregation Aggregation, double[]? Bounds)? Describe(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }
        var kind = instrument.GetType().GetGenericTypeDefinition();
        if (kind == typeof(Counter<>))
        {
            return (MetricType.Counter, MeasurementAggregation.Sum, null);
        }
        if (kind == typeof(UpDownCounter<>))
        {
            return (MetricType.Gauge, MeasurementAggregation.Sum, null);
        }
        if (kind == typeof(Gauge<>) || kind == typeof(ObservableGauge<>) || kind == typeof(ObservableUpDownCounter<>))
        {
            return (MetricType.Gauge, MeasurementAggregation.LastValue, null);
        }
        if (kind == typeof(ObservableCounter<>))
        {
            return (MetricType.Counter, MeasurementAggregation.LastValue, null);
        }
        if (kind == typeof(Histogram<>))
        {
            return (MetricType.Histogram, MeasurementAggregation.Histogram, AdvisedBounds(instrument));
        }
        return null;
    }

    private static double[]? AdvisedBounds(Instrument instrument)
    {
        IEnumerable<double>? bounds = instrument switch
        {
            Histogram<double> histogram => histogram.Advice?.HistogramBucketBoundaries,
            Histogram<float> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Histogram<long> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Histogram<int> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            _ => null,
        };
        return bounds is null ? null : [.. bounds.Distinct().Order()];
    }

    private sealed record InstrumentBinding(MetricFamily Family, MeasurementAggregation Aggregation);
}
