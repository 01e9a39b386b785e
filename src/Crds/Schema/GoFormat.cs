using System.Globalization;
using System.Text;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Renders values the way the API server's Go code prints them (<c>%q</c>, <c>%v</c> of a float64,
/// <c>encoding/json</c>), so messages match what kubectl shows.
/// </summary>
internal static class GoFormat
{
    /// <summary>Go <c>strconv.Quote</c>: double quotes, backslash escapes for control characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// Go <c>%v</c> of a float64, which is <c>strconv.FormatFloat(f, 'g', -1, 64)</c>: shortest digits,
    /// exponent form below 1e-4 or from 1e6 on (<c>1e+06</c>).
    /// </summary>
    public static string Float(double value) => FormatShortest(value, -4, 6, padExponent: true);

    /// <summary>Go <c>encoding/json</c> rendering of a float64.</summary>
    public static string JsonFloat(double value) => FormatShortest(value, -6, 21, padExponent: false);

    private static string FormatShortest(double value, int minExponent, int maxExponent, bool padExponent)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (negative, digits, exponent) = Decompose(value);
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (exponent < minExponent || exponent >= maxExponent)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            builder.Append('e').Append(exponent < 0 ? '-' : '+');
            var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
            if (padExponent && magnitude.Length < 2)
            {
                builder.Append('0');
            }

            builder.Append(magnitude);
            return builder.ToString();
        }

        if (exponent < 0)
        {
            builder.Append("0.").Append('0', -exponent - 1).Append(digits);
            return builder.ToString();
        }

        if (digits.Length <= exponent + 1)
        {
            builder.Append(digits).Append('0', exponent + 1 - digits.Length);
            return builder.ToString();
        }

        builder.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        return builder.ToString();
    }

    /// <summary>Shortest round-trip decimal digits and the decimal exponent of the first digit.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex >= 0 ? shortest[..exponentIndex] : shortest;
        var exponent = exponentIndex >= 0 ? int.Parse(shortest[(exponentIndex + 1)..], CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fractionPart = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var allDigits = (integerPart + fractionPart).TrimStart('0');
        var leadingZeros = (integerPart + fractionPart).Length - allDigits.Length;
        var firstDigitExponent = integerPart.Length - 1 - leadingZeros + exponent;
        allDigits = allDigits.TrimEnd('0');
        return (value < 0, allDigits.Length == 0 ? "0" : allDigits, firstDigitExponent);
    }
}
