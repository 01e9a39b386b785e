using System.Globalization;
using System.Text;

namespace Skyforge.Operator.Hosting.Metrics;

/// <summary>Names, label values and numbers as the Prometheus text format (0.0.4) requires them.</summary>
public static class PrometheusNames
{
    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_:]</c> (e.g. the dots of OpenTelemetry names) with '_'.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_]</c> with '_'.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>Counters end in <c>_total</c>; names that already do keep a single one.</summary>
    public static string CounterName(string name)
    {
        var sanitized = MetricName(name);
        return sanitized.EndsWith("_total", StringComparison.Ordinal) ? sanitized : sanitized + "_total";
    }

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }
        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }
        foreach (var character in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character == '_' || (allowColon && character == ':') ? character : '_');
        }
        return builder.ToString();
    }
}
