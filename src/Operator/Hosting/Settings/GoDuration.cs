using System.Globalization;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>
/// Durations written as Go and Kubernetes tooling write them (<c>10m</c>, <c>1h30m</c>, <c>90s</c>, <c>250ms</c>), so
/// flags read the same as those of other operators.
/// </summary>
public static class GoDuration
{
    private static readonly (string Suffix, double Ticks)[] Units =
    [
        ("ns", TimeSpan.TicksPerMicrosecond / 1000.0),
        ("us", TimeSpan.TicksPerMicrosecond),
        ("µs", TimeSpan.TicksPerMicrosecond),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <exception cref="FormatException">Not a sequence of number-unit pairs.</exception>
    public static TimeSpan Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("a duration such as 10m, 90s or 1h30m is required");
        }
        var rest = text.AsSpan().Trim();
        double ticks = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }
            if (numberLength == 0 || !double.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw Invalid(text);
            }
            rest = rest[numberLength..];
            var unitLength = 0;
            while (unitLength < rest.Length && !char.IsAsciiDigit(rest[unitLength]) && rest[unitLength] != '.')
            {
                unitLength++;
            }
            var unit = rest[..unitLength].ToString();
            var match = Array.FindIndex(Units, candidate => candidate.Suffix == unit);
            if (match < 0)
            {
                throw Invalid(text);
            }
            ticks += number * Units[match].Ticks;
            rest = rest[unitLength..];
        }
        return ticks > TimeSpan.MaxValue.Ticks ? throw Invalid(text) : TimeSpan.FromTicks((long)Math.Round(ticks));
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
