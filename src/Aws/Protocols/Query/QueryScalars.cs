using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>Text forms of scalar members in the query protocol (form values and XML element text).</summary>
internal static class QueryScalars
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'";

    public static bool TryFormat(object value, [NotNullWhen(true)] out string? text)
    {
        text = value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTimeOffset timestamp => timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToBase64String(bytes),
            _ => null,
        };
        return text is not null;
    }

    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long)
            || underlying == typeof(double) || underlying == typeof(DateTimeOffset) || underlying == typeof(byte[]);
    }

    /// <exception cref="FormatException">The text is not a valid value of the type.</exception>
    public static object Parse(string text, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var trimmed = text.Trim();
        if (underlying == typeof(string))
        {
            return text;
        }
        if (underlying == typeof(bool))
        {
            return bool.Parse(trimmed);
        }
        if (underlying == typeof(int))
        {
            return int.Parse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
        if (underlying == typeof(long))
        {
            return long.Parse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
        if (underlying == typeof(double))
        {
            return double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (underlying == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
        if (underlying == typeof(byte[]))
        {
            return Convert.FromBase64String(trimmed);
        }
        throw new FormatException($"Type {type.Name} is not a query scalar.");
    }
}
