using System.Diagnostics;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>When each operator instance reconciled what, on one monotonic clock, to prove two instances never reconcile at once.</summary>
internal sealed class ReconcileTimeline
{
    private readonly Lock _gate = new();
    private readonly List<Span> _spans = [];

    public Span Begin(string instance, string key)
    {
        var span = new Span(instance, key, Stopwatch.GetTimestamp());
        lock (_gate)
        {
            _spans.Add(span);
        }
        return span;
    }

    public void End(Span span)
    {
        lock (_gate)
        {
            span.End = Stopwatch.GetTimestamp();
        }
    }

    public int Count(string instance)
    {
        lock (_gate)
        {
            return _spans.Count(span => span.Instance == instance);
        }
    }

    /// <summary>Pairs of reconciles by different instances whose time spans intersect (one still running counts as running forever).</summary>
    public IReadOnlyList<string> Overlaps()
    {
        lock (_gate)
        {
            var overlaps = new List<string>();
            for (var i = 0; i < _spans.Count; i++)
            {
                for (var j = i + 1; j < _spans.Count; j++)
                {
                    var (first, second) = (_spans[i], _spans[j]);
                    if (first.Instance != second.Instance && first.Start < (second.End ?? long.MaxValue) && second.Start < (first.End ?? long.MaxValue))
                    {
                        overlaps.Add($"{first} overlaps {second}");
                    }
                }
            }
            return overlaps;
        }
    }

    public sealed class Span(string instance, string key, long start)
    {
        public string Instance { get; } = instance;

        public string Key { get; } = key;

        public long Start { get; } = start;

        public long? End { get; set; }

        public override string ToString() => $"{Instance} reconciling {Key} [{Start}, {End?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "running"}]";
    }
}
