using System.Globalization;

namespace Skyforge.RuntimeBench;

/// <summary>Summary statistics of repeated runs.</summary>
internal static class Samples
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"min … max" of the values, formatted with <paramref name="format"/>.</summary>
    public static string Range(IReadOnlyList<double> values, string format) =>
        $"{values.Min().ToString(format, CultureInfo.InvariantCulture)} … {values.Max().ToString(format, CultureInfo.InvariantCulture)}";
}
