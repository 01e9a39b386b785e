using System.Globalization;
using System.Text.RegularExpressions;

namespace Skyforge.Crds.Schema;

/// <summary>Go <c>time.ParseDuration</c> (used by CEL's <c>duration()</c>) and the looser OpenAPI <c>duration</c> format.</summary>
internal static partial class GoDuration
{
    private static readonly (string Unit, long Nanoseconds)[] Units =
    [
        ("ns", 1),
        ("us", 1_000),
        ("\u00b5s", 1_000),
        ("\u03bcs", 1_000),
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
    ];

    private static readonly (string[] Names, long Nanoseconds)[] FormatUnits =
    [
        (["ns", "nano"], 1),
        (["us", "\u00b5s", "micro"], 1_000),
        (["ms", "milli"], 1_000_000),
        (["s", "sec"], 1_000_000_000),
        (["m", "min"], 60_000_000_000),
        (["h", "hr", "hour"], 3_600_000_000_000),
        (["d", "day"], 86_400_000_000_000),
        (["w", "wk", "week"], 604_800_000_000_000),
    ];

    /// <summary>Parses <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> into nanoseconds, exactly as Go does.</summary>
    public static bool TryParse(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        var position = 0;
        var negative = false;
        if (position < text.Length && text[position] is '-' or '+')
        {
            negative = text[position] == '-';
            position++;
        }

        if (text[position..] == "0")
        {
            return true;
        }

        if (position >= text.Length)
        {
            return false;
        }

        decimal total = 0;
        while (position < text.Length)
        {
            var numberStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var integerPart = text[numberStart..position];
            var fractionPart = string.Empty;
            if (position < text.Length && text[position] == '.')
            {
                position++;
                var fractionStart = position;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }

                fractionPart = text[fractionStart..position];
            }

            if (integerPart.Length == 0 && fractionPart.Length == 0)
            {
                return false;
            }

            var unitStart = position;
            while (position < text.Length && text[position] != '.' && !char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var unit = text[unitStart..position];
            var multiplier = Units.FirstOrDefault(candidate => candidate.Unit == unit).Nanoseconds;
            if (multiplier == 0 || integerPart.Length > 20 || fractionPart.Length > 20)
            {
                return false;
            }

            var number = decimal.Parse(
                (integerPart.Length == 0 ? "0" : integerPart) + (fractionPart.Length == 0 ? string.Empty : "." + fractionPart),
                CultureInfo.InvariantCulture);
            total += number * multiplier;
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        nanoseconds = (long)decimal.Truncate(negative ? -total : total);
        return true;
    }

    /// <summary>The OpenAPI <c>duration</c> format: a Go duration, or Scala-style <c>3 days 4h</c>.</summary>
    public static bool IsValidFormat(string text)
    {
        if (TryParse(text, out _))
        {
            return true;
        }

        if (!ScalaDurationShape().IsMatch(text))
        {
            return false;
        }

        var matched = false;
        foreach (Match match in ScalaDurationPart().Matches(text))
        {
            var unit = match.Groups[2].Value.Trim().ToLowerInvariant();
            foreach (var (names, _) in FormatUnits)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (string.Equals(names[i], unit, StringComparison.OrdinalIgnoreCase)
                        || (i == names.Length - 1 && unit.StartsWith(names[i], StringComparison.Ordinal)))
                    {
                        matched = true;
                    }
                }
            }
        }

        return matched;
    }

    [GeneratedRegex(@"^\s*(?:\d+\s*[A-Za-z\u00b5]+\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScalaDurationShape();

    [GeneratedRegex(@"(\d+)\s*([A-Za-z\u00b5]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ScalaDurationPart();
}
