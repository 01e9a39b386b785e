using System.Globalization;
using System.Text;

namespace Skyforge.Bench;

/// <summary>The operator's <c>/metrics</c> at one moment, parsed from the Prometheus text format 0.0.4.</summary>
internal sealed class MetricsScrape
{
    private readonly IReadOnlyList<MetricSample> _samples;

    private MetricsScrape(IReadOnlyList<MetricSample> samples) => _samples = samples;

    public static MetricsScrape Empty { get; } = new([]);

    /// <exception cref="FormatException">A sample line that is not <c>name{labels} value</c>.</exception>
    public static MetricsScrape Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            samples.Add(ParseLine(line));
        }
        return new MetricsScrape(samples);
    }

    /// <summary>The sum over every series of <paramref name="name"/> whose labels satisfy <paramref name="where"/>.</summary>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool>? where = null) =>
        _samples.Where(sample => sample.Name == name && (where is null || where(sample.Labels))).Sum(sample => sample.Value);

    /// <summary>The distinct values of the <c>controller</c> label among the series of <paramref name="name"/>.</summary>
    public IReadOnlyList<string> ControllerNames(string name) =>
        [.. _samples.Where(sample => sample.Name == name).Select(sample => sample.Labels.GetValueOrDefault("controller")).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The cumulative bucket counts of histogram <paramref name="name"/> summed over all its series, by upper bound.</summary>
    public SortedDictionary<double, double> Buckets(string name)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var sample in _samples.Where(sample => sample.Name == name + "_bucket"))
        {
            var bound = sample.Labels["le"] is "+Inf" ? double.PositiveInfinity : double.Parse(sample.Labels["le"], CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + sample.Value;
        }
        return buckets;
    }

    private static MetricSample ParseLine(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{');
        var space = line.IndexOf(' ');
        string name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space))
        {
            name = line[..brace];
            rest = ParseLabels(line, brace + 1, labels);
        }
        else
        {
            name = line[..space];
            rest = space;
        }
        var value = line[rest..].Trim().Split(' ')[0];
        return new MetricSample(name, labels, value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(value, CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Reads <c>key="value",...}</c> from <paramref name="index"/>; returns the index after the closing brace.</summary>
    private static int ParseLabels(string line, int index, Dictionary<string, string> labels)
    {
        while (index < line.Length && line[index] != '}')
        {
            var equals = line.IndexOf('=', index);
            var key = line[index..equals].Trim(' ', ',');
            index = equals + 2;
            var value = new StringBuilder();
            while (line[index] != '"')
            {
                if (line[index] == '\\')
                {
                    index++;
                    value.Append(line[index] == 'n' ? '\n' : line[index]);
                }
                else
                {
                    value.Append(line[index]);
                }
                index++;
            }
            labels[key] = value.ToString();
            index++;
            if (index < line.Length && line[index] == ',')
            {
                index++;
            }
        }
        if (index >= line.Length)
        {
            throw new FormatException($"unterminated labels in metrics line: {line}");
        }
        return index + 1;
    }
}
