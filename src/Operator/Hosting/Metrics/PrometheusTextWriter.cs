using System.Text;

namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>Writes metrics in the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, IEnumerable<MetricFamilySnapshot> families)
    {
        foreach (var family in families)
        {
            if (family.Help is { Length: > 0 } help)
            {
                output.Append("# HELP ").Append(family.Name).Append(' ').Append(PrometheusNames.EscapeHelp(help)).Append('\n');
            }
            output.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
            foreach (var series in family.Series)
            {
                if (series.Histogram is { } histogram)
                {
                    WriteHistogram(output, family.Name, series.Labels, histogram);
                }
                else
                {
                    WriteSample(output, family.Name, series.Labels, null, series.Value);
                }
            }
        }
    }

    private static void WriteHistogram(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramSnapshot histogram)
    {
        long cumulative = 0;
        for (var bucket = 0; bucket < histogram.UpperBounds.Count; bucket++)
        {
            cumulative += histogram.BucketCounts[bucket];
            WriteSample(output, name + "_bucket", labels, PrometheusNames.Number(histogram.UpperBounds[bucket]), cumulative);
        }
        WriteSample(output, name + "_bucket", labels, "+Inf", histogram.Count);
        WriteSample(output, name + "_sum", labels, null, histogram.Sum);
        WriteSample(output, name + "_count", labels, null, histogram.Count);
    }

    private static void WriteSample(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            output.Append('{');
            var first = true;
            foreach (var (labelName, labelValue) in labels)
            {
                AppendLabel(output, labelName, labelValue, ref first);
            }
            if (le is not null)
            {
                AppendLabel(output, "le", le, ref first);
            }
            output.Append('}');
        }
        output.Append(' ').Append(PrometheusNames.Number(value)).Append('\n');
    }

    private static void AppendLabel(StringBuilder output, string name, string value, ref bool first)
    {
        if (!first)
        {
            output.Append(',');
        }
        first = false;
        output.Append(name).Append("=\"").Append(PrometheusNames.EscapeLabelValue(value)).Append('"');
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        _ => "histogram",
    };
}
