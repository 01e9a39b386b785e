using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Skyforge.Crds.Schema;

/// <summary>
/// The string formats the API server checks for custom resources (its strfmt registry). Other
/// format names are ignored, as the API server strips them from the schema before validating.
/// </summary>
internal static partial class StringFormats
{
    private static readonly Dictionary<string, Func<string, bool>> Validators = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = value => HexObjectId().IsMatch(value),
        ["uri"] = IsUri,
        ["email"] = value => Email().IsMatch(value),
        ["hostname"] = IsHostname,
        ["ipv4"] = value => IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetwork && DottedQuad().IsMatch(value),
        ["ipv6"] = value => value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6,
        ["cidr"] = IsCidr,
        ["mac"] = value => Mac().IsMatch(value),
        ["uuid"] = value => Uuid().IsMatch(value),
        ["uuid3"] = value => Uuid3().IsMatch(value),
        ["uuid4"] = value => Uuid4().IsMatch(value),
        ["uuid5"] = value => Uuid5().IsMatch(value),
        ["isbn"] = value => Isbn10().IsMatch(StripSeparators(value)) || Isbn13().IsMatch(StripSeparators(value)),
        ["isbn10"] = value => Isbn10().IsMatch(StripSeparators(value)),
        ["isbn13"] = value => Isbn13().IsMatch(StripSeparators(value)),
        ["creditcard"] = value => CreditCard().IsMatch(StripSeparators(value)),
        ["ssn"] = value => Ssn().IsMatch(value),
        ["hexcolor"] = value => HexColor().IsMatch(value),
        ["rgbcolor"] = value => RgbColor().IsMatch(value),
        ["byte"] = IsBase64,
        ["password"] = _ => true,
        ["date"] = IsDate,
        ["duration"] = GoDuration.IsValidFormat,
        ["datetime"] = IsDateTime,
    };

    /// <summary>The registry's name for a format (dashes are not significant: <c>date-time</c> is <c>datetime</c>).</summary>
    public static string? Normalize(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return null;
        }

        var normalized = format.Replace("-", string.Empty, StringComparison.Ordinal);
        return Validators.ContainsKey(normalized) ? normalized : null;
    }

    public static bool IsValid(string normalizedFormat, string value) => Validators[normalizedFormat](value);

    /// <summary>strfmt <c>IsDateTime</c>: a full date, <c>T</c>, and <c>hh:mm:ss[.frac](Z|±hh:mm)</c>.</summary>
    public static bool IsDateTime(string value)
    {
        if (value.Length < 4)
        {
            return false;
        }

        var parts = value.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]))
        {
            return false;
        }

        var match = TimeOfDay().Match(parts[1]);
        return match.Success
            && string.CompareOrdinal(match.Groups[1].Value, "23") <= 0
            && string.CompareOrdinal(match.Groups[2].Value, "59") <= 0
            && string.CompareOrdinal(match.Groups[3].Value, "59") <= 0;
    }

    public static bool IsDate(string value) =>
        FullDate().IsMatch(value)
        && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsUri(string value) =>
        value.Length > 0
        && (value.StartsWith('/') || Uri.TryCreate(value, UriKind.Absolute, out _))
        && !value.Any(char.IsWhiteSpace);

    private static bool IsHostname(string value)
    {
        if (value.Length is 0 or > 255)
        {
            return false;
        }

        return value.TrimEnd('.').Split('.').All(label => HostnameLabel().IsMatch(label));
    }

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value[..slash], out var address))
        {
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = value[(slash + 1)..];
        return prefix.Length is > 0 and <= 3
            && prefix.All(char.IsAsciiDigit)
            && int.Parse(prefix, CultureInfo.InvariantCulture) <= maxPrefix
            && (address.AddressFamily != AddressFamily.InterNetwork || DottedQuad().IsMatch(value[..slash]));
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[((value.Length * 3) + 3) / 4];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static string StripSeparators(string value) =>
        value.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-fA-F]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexObjectId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mac();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Uuid();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Uuid3();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Uuid4();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Uuid5();

    [GeneratedRegex("^(?:[0-9]{9}X|[0-9]{10})$", RegexOptions.CultureInvariant)]
    private static partial Regex Isbn10();

    [GeneratedRegex("^(?:[0-9]{13})$", RegexOptions.CultureInvariant)]
    private static partial Regex Isbn13();

    [GeneratedRegex(@"^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11})$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditCard();

    [GeneratedRegex(@"^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ssn();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^rgb\(\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RgbColor();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostnameLabel();
}
