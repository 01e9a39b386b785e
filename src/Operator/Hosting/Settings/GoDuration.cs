using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>
/// Durations written as Go and Kubernetes tooling write them (<c>10m</c>, <c>1h30m</c>, <c>90s</c>, <c>250ms</c>), so
/// flags read the same as those of other operators.
/// </summary>
public static class GoDuration
{
    /// <exception cref="FormatException">Not a sequence of number-unit pairs.</exception>
    public static TimeSpan Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("a duration such as 10m, 90s or 1h30m is required");
        }
        return Durations.TryParse(text.Trim(), out var duration) ? duration : throw Invalid(text);
    }

    /// <summary>The shortest Go-style text for a whole number of milliseconds, e.g. <c>10m</c> or <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var parts = new List<string>(4);
        if (duration.Days * 24 + duration.Hours > 0)
        {
            parts.Add($"{(duration.Days * 24) + duration.Hours}h");
        }
        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }
        if (duration.Seconds > 0)
        {
            parts.Add($"{duration.Seconds}s");
        }
        if (duration.Milliseconds > 0)
        {
            parts.Add($"{duration.Milliseconds}ms");
        }
        return string.Concat(parts);
    }

    private static FormatException Invalid(string text) =>
        new($"\"{text}\" is not a duration (use a number and a unit: ns, us, ms, s, m, h — e.g. 10m, 90s, 1h30m)");
}
