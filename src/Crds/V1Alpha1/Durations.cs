using System.Globalization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Parses the Go-style durations used in specs (e.g. 90s, 15m, 1h30m).</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length == 0)
        {
            return false;
        }
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
            if (position == start || position == text.Length
                || !long.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }
            var unit = text[position] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero || amount > 1_000_000)
            {
                return false;
            }
            duration += unit * amount;
            position++;
        }
        return true;
    }
}
