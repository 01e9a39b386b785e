using System.Globalization;

namespace Skyforge.Crds.Validation;

/// <summary>Arithmetic on the hh:mm-hh:mm and ddd:hh:mm-ddd:hh:mm windows (format already checked by the schema).</summary>
internal static class Windows
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Length of a daily window in minutes, wrapping past midnight.</summary>
    public static int DailyMinutes(string window)
    {
        var (start, end) = Split(window);
        return Wrap(Minutes(end) - Minutes(start), 24 * 60);
    }

    /// <summary>Length of a weekly window in minutes, wrapping past Sunday.</summary>
    public static int WeeklyMinutes(string window)
    {
        var (start, end) = Split(window);
        return Wrap(WeekMinutes(end) - WeekMinutes(start), 7 * 24 * 60);
    }

    /// <summary>Whether a daily window overlaps a weekly window on the weekly window's days.</summary>
    public static bool Overlap(string daily, string weekly)
    {
        var (dailyStart, _) = Split(daily);
        var (weeklyStart, _) = Split(weekly);
        var dailyLength = DailyMinutes(daily);
        var weeklyFrom = WeekMinutes(weeklyStart);
        var weeklyLength = WeeklyMinutes(weekly);
        const int week = 7 * 24 * 60;
        for (var day = 0; day < 7; day++)
        {
            var from = day * 24 * 60 + Minutes(dailyStart);
            if (Intersects(from, dailyLength, weeklyFrom, weeklyLength, week))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Intersects(int aFrom, int aLength, int bFrom, int bLength, int period)
    {
        var offset = Wrap(bFrom - aFrom, period);
        return offset < aLength || Wrap(aFrom - bFrom, period) < bLength;
    }

    private static (string Start, string End) Split(string window)
    {
        var dash = window.IndexOf('-', StringComparison.Ordinal);
        return (window[..dash], window[(dash + 1)..]);
    }

    private static int Minutes(string hhmm)
    {
        var parts = hhmm.Split(':');
        var offset = parts.Length == 3 ? 1 : 0;
        return int.Parse(parts[offset], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[offset + 1], CultureInfo.InvariantCulture);
    }

    private static int WeekMinutes(string dddhhmm) =>
        Array.IndexOf(Days, dddhhmm[..3]) * 24 * 60 + Minutes(dddhhmm);

    private static int Wrap(int value, int period) => ((value % period) + period) % period;
}
