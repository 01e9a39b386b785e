using System.Globalization;
using System.Text;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// The function library available to rules: CEL standard conversions and string functions, plus the
/// Kubernetes strings, lists, regex and optional extensions that CRD rules commonly use.
/// </summary>
internal static class CelFunctions
{
    private static readonly CelFunction[] All =
    [
        new("size", false, 1, 1, args => Size(args[0])),
        new("int", false, 1, 1, args => ToInt(args[0])),
        new("uint", false, 1, 1, args => ToUint(args[0])),
        new("double", false, 1, 1, args => ToDouble(args[0])),
        new("string", false, 1, 1, args => ToStringValue(args[0])),
        new("bool", false, 1, 1, args => ToBool(args[0])),
        new("dyn", false, 1, 1, args => args[0]),
        new("timestamp", false, 1, 1, args => ToTimestamp(args[0])),
        new("duration", false, 1, 1, args => ToDuration(args[0])),
        new("matches", false, 2, 2, args => Matches(args[0], args[1])),
        new("size", true, 0, 0, args => Size(args[0])),
        new("startsWith", true, 1, 1, args => StringPredicate(args, "startsWith", (s, p) => s.StartsWith(p, StringComparison.Ordinal))),
        new("endsWith", true, 1, 1, args => StringPredicate(args, "endsWith", (s, p) => s.EndsWith(p, StringComparison.Ordinal))),
        new("contains", true, 1, 1, args => StringPredicate(args, "contains", (s, p) => s.Contains(p, StringComparison.Ordinal))),
        new("matches", true, 1, 1, args => Matches(args[0], args[1])),
        new("find", true, 1, 1, args => FindMatch(args[0], args[1])),
        new("lowerAscii", true, 0, 0, args => MapAscii(args[0], "lowerAscii", char.ToLowerInvariant)),
        new("upperAscii", true, 0, 0, args => MapAscii(args[0], "upperAscii", char.ToUpperInvariant)),
        new("trim", true, 0, 0, args => args[0] is string s ? s.Trim() : CelError.NoSuchOverload("trim", args)),
        new("substring", true, 1, 2, Substring),
        new("charAt", true, 1, 1, CharAt),
        new("indexOf", true, 1, 2, args => IndexOf(args, last: false)),
        new("lastIndexOf", true, 1, 2, args => IndexOf(args, last: true)),
        new("replace", true, 2, 3, Replace),
        new("split", true, 1, 2, Split),
        new("join", true, 0, 1, Join),
        new("isSorted", true, 0, 0, IsSorted),
        new("sum", true, 0, 0, Sum),
        new("min", true, 0, 0, args => Extreme(args, "min", -1)),
        new("max", true, 0, 0, args => Extreme(args, "max", 1)),
        new("hasValue", true, 0, 0, args => args[0] is CelOptional o ? CelValues.Bool(o.HasValue) : CelError.NoSuchOverload("hasValue", args)),
        new("value", true, 0, 0, OptionalValue),
        new("orValue", true, 1, 1, args => args[0] is CelOptional o ? o.Value ?? args[1] : CelError.NoSuchOverload("orValue", args)),
    ];

    /// <summary>Functions called as <c>optional.of(x)</c> and <c>optional.none()</c>.</summary>
    private static readonly CelFunction[] OptionalNamespace =
    [
        new("of", false, 1, 1, args => CelOptional.Of(args[0])),
        new("none", false, 0, 0, _ => CelOptional.None),
    ];

    public static CelFunction? Find(string name, bool isMember, int argumentCount) =>
        All.FirstOrDefault(f => f.Name == name && f.IsMember == isMember && argumentCount >= f.MinArguments && argumentCount <= f.MaxArguments);

    public static CelFunction? FindOptional(string name, int argumentCount) =>
        OptionalNamespace.FirstOrDefault(f => f.Name == name && argumentCount >= f.MinArguments && argumentCount <= f.MaxArguments);

    public static bool Exists(string name, bool isMember) => All.Any(f => f.Name == name && f.IsMember == isMember);

    /// <summary>Renders a value inside an error message.</summary>
    public static string Stringify(object value) => value switch
    {
        string s => s,
        long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => GoFormat.Float(d),
        bool b => b ? "true" : "false",
        _ => CelValues.TypeName(value),
    };

    private static object Size(object value) => value switch
    {
        string s => (long)CodePoints(s).Length,
        CelList list => (long)list.Count,
        CelMap map => (long)map.Count,
        _ => CelError.NoSuchOverload("size", value),
    };

    private static object ToInt(object value)
    {
        switch (value)
        {
            case long:
                return value;
            case ulong u:
                return u <= long.MaxValue ? (long)u : RangeError("int", value);
            case double d:
                return double.IsNaN(d) || d <= -9.2233720368547758E+18 || d >= 9.2233720368547758E+18
                    ? RangeError("int", value)
                    : (long)Math.Truncate(d);
            case string s:
                return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : new CelError($"cannot convert string '{s}' to int");
            case DateTimeOffset timestamp:
                return timestamp.ToUnixTimeSeconds();
            default:
                return CelError.NoSuchOverload("int", value);
        }
    }

    private static object ToUint(object value)
    {
        switch (value)
        {
            case ulong:
                return value;
            case long l:
                return l >= 0 ? (ulong)l : RangeError("uint", value);
            case double d:
                return double.IsNaN(d) || d < 0 || d >= 1.8446744073709552E+19 ? RangeError("uint", value) : (ulong)Math.Truncate(d);
            case string s:
                return ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : new CelError($"cannot convert string '{s}' to uint");
            default:
                return CelError.NoSuchOverload("uint", value);
        }
    }

    private static object ToDouble(object value) => value switch
    {
        double => value,
        long l => (double)l,
        ulong u => (double)u,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => new CelError($"cannot convert string '{s}' to double"),
        _ => CelError.NoSuchOverload("double", value),
    };

    private static object ToStringValue(object value) => value switch
    {
        string => value,
        long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => GoFormat.Float(d),
        bool b => b ? "true" : "false",
        DateTimeOffset timestamp => CelValues.FormatTimestamp(timestamp),
        CelDuration duration => CelValues.FormatDuration(duration),
        _ => CelError.NoSuchOverload("string", value),
    };

    private static object ToBool(object value) => value switch
    {
        bool => value,
        string s when s is "1" or "t" or "T" or "TRUE" or "true" or "True" => CelValues.True,
        string s when s is "0" or "f" or "F" or "FALSE" or "false" or "False" => CelValues.False,
        string s => new CelError($"cannot convert string '{s}' to bool"),
        _ => CelError.NoSuchOverload("bool", value),
    };

    private static object ToTimestamp(object value) => value switch
    {
        DateTimeOffset => value,
        string s when CelValues.TryParseTimestamp(s, out var timestamp) => timestamp,
        string s => new CelError($"timestamp validation error: cannot parse '{s}' as an RFC 3339 timestamp"),
        long seconds when seconds >= -62135596800 && seconds <= 253402300799 => DateTimeOffset.FromUnixTimeSeconds(seconds),
        _ => CelError.NoSuchOverload("timestamp", value),
    };

    private static object ToDuration(object value) => value switch
    {
        CelDuration => value,
        string s when GoDuration.TryParse(s, out var nanoseconds) => new CelDuration(nanoseconds),
        string s => new CelError($"invalid duration: '{s}'"),
        _ => CelError.NoSuchOverload("duration", value),
    };

    private static object Matches(object subject, object pattern)
    {
        if (subject is not string text || pattern is not string expression)
        {
            return CelError.NoSuchOverload("matches", subject, pattern);
        }

        var regex = CelRegexCache.Get(expression);
        return regex is null ? new CelError($"invalid regular expression: {expression}") : CelValues.Bool(regex.IsMatch(text));
    }

    private static object FindMatch(object subject, object pattern)
    {
        if (subject is not string text || pattern is not string expression)
        {
            return CelError.NoSuchOverload("find", subject, pattern);
        }

        var regex = CelRegexCache.Get(expression);
        if (regex is null)
        {
            return new CelError($"invalid regular expression: {expression}");
        }

        var match = regex.Match(text);
        return match.Success ? match.Value : string.Empty;
    }

    private static object StringPredicate(object[] args, string name, Func<string, string, bool> predicate) =>
        args[0] is string subject && args[1] is string argument
            ? CelValues.Bool(predicate(subject, argument))
            : CelError.NoSuchOverload(name, args);

    private static object MapAscii(object value, string name, Func<char, char> map)
    {
        if (value is not string text)
        {
            return CelError.NoSuchOverload(name, value);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAscii(c) ? map(c) : c);
        }

        return builder.ToString();
    }

    private static object Substring(object[] args)
    {
        if (args[0] is not string text || args[1] is not long start || (args.Length == 3 && args[2] is not long))
        {
            return CelError.NoSuchOverload("substring", args);
        }

        var runes = CodePoints(text);
        var end = args.Length == 3 ? (long)args[2] : runes.Length;
        if (start < 0 || start > runes.Length)
        {
            return new CelError($"index out of range: {start}");
        }

        if (end < 0 || end > runes.Length)
        {
            return new CelError($"index out of range: {end}");
        }

        if (start > end)
        {
            return new CelError($"invalid substring range. start: {start}, end: {end}");
        }

        return FromCodePoints(runes, (int)start, (int)end);
    }

    private static object CharAt(object[] args)
    {
        if (args[0] is not string text || args[1] is not long index)
        {
            return CelError.NoSuchOverload("charAt", args);
        }

        var runes = CodePoints(text);
        if (index < 0 || index > runes.Length)
        {
            return new CelError($"index out of range: {index}");
        }

        return index == runes.Length ? string.Empty : char.ConvertFromUtf32(runes[index]);
    }

    private static object IndexOf(object[] args, bool last)
    {
        var name = last ? "lastIndexOf" : "indexOf";
        if (args[0] is CelList list && args.Length == 2)
        {
            var found = -1L;
            for (var i = 0; i < list.Count; i++)
            {
                if (CelOperators.AreEqual(list.Get(i), args[1]))
                {
                    found = i;
                    if (!last)
                    {
                        break;
                    }
                }
            }

            return found;
        }

        if (args[0] is not string text || args[1] is not string search || (args.Length == 3 && args[2] is not long))
        {
            return CelError.NoSuchOverload(name, args);
        }

        var runes = CodePoints(text);
        var needle = CodePoints(search);
        var offset = args.Length == 3 ? (long)args[2] : (last ? runes.Length : 0);
        if (offset < 0 || offset > runes.Length)
        {
            return new CelError($"index out of range: {offset}");
        }

        if (last)
        {
            for (var i = (int)Math.Min(offset, runes.Length - needle.Length); i >= 0; i--)
            {
                if (MatchesAt(runes, needle, i))
                {
                    return (long)i;
                }
            }

            return -1L;
        }

        for (var i = (int)offset; i <= runes.Length - needle.Length; i++)
        {
            if (MatchesAt(runes, needle, i))
            {
                return (long)i;
            }
        }

        return -1L;
    }

    private static bool MatchesAt(int[] runes, int[] needle, int start)
    {
        for (var j = 0; j < needle.Length; j++)
        {
            if (runes[start + j] != needle[j])
            {
                return false;
            }
        }

        return true;
    }

    private static object Replace(object[] args)
    {
        if (args[0] is not string text || args[1] is not string search || args[2] is not string replacement
            || (args.Length == 4 && args[3] is not long))
        {
            return CelError.NoSuchOverload("replace", args);
        }

        var limit = args.Length == 4 ? (long)args[3] : -1;
        if (limit == 0)
        {
            return text;
        }

        var builder = new StringBuilder();
        var replaced = 0L;
        if (search.Length == 0)
        {
            // Go inserts the replacement before the first rune and after every rune.
            if (limit < 0 || replaced < limit)
            {
                builder.Append(replacement);
                replaced++;
            }

            foreach (var rune in text.EnumerateRunes())
            {
                builder.Append(rune.ToString());
                if (limit < 0 || replaced < limit)
                {
                    builder.Append(replacement);
                    replaced++;
                }
            }

            return builder.ToString();
        }

        var position = 0;
        while (limit < 0 || replaced < limit)
        {
            var found = text.IndexOf(search, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(text, position, found - position).Append(replacement);
            position = found + search.Length;
            replaced++;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    private static object Split(object[] args)
    {
        if (args[0] is not string text || args[1] is not string separator || (args.Length == 3 && args[2] is not long))
        {
            return CelError.NoSuchOverload("split", args);
        }

        var limit = args.Length == 3 ? (long)args[2] : -1;
        if (limit == 0)
        {
            return ArrayCelList.Empty;
        }

        var parts = new List<object>();
        if (separator.Length == 0)
        {
            var runes = CodePoints(text);
            for (var i = 0; i < runes.Length; i++)
            {
                if (limit > 0 && parts.Count == limit - 1)
                {
                    parts.Add(FromCodePoints(runes, i, runes.Length));
                    return new ArrayCelList(parts);
                }

                parts.Add(char.ConvertFromUtf32(runes[i]));
            }

            return new ArrayCelList(parts);
        }

        var position = 0;
        while (limit < 0 || parts.Count < limit - 1)
        {
            var found = text.IndexOf(separator, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            parts.Add(text[position..found]);
            position = found + separator.Length;
        }

        parts.Add(text[position..]);
        return new ArrayCelList(parts);
    }

    private static object Join(object[] args)
    {
        if (args[0] is not CelList list || (args.Length == 2 && args[1] is not string))
        {
            return CelError.NoSuchOverload("join", args);
        }

        var separator = args.Length == 2 ? (string)args[1] : string.Empty;
        var parts = new List<string>(list.Count);
        foreach (var element in list.Elements())
        {
            if (element is not string text)
            {
                return CelError.NoSuchOverload("join", args);
            }

            parts.Add(text);
        }

        return string.Join(separator, parts);
    }

    private static object IsSorted(object[] args)
    {
        if (args[0] is not CelList list)
        {
            return CelError.NoSuchOverload("isSorted", args);
        }

        for (var i = 1; i < list.Count; i++)
        {
            var comparison = CelOperators.Compare(list.Get(i - 1), list.Get(i));
            if (comparison is null)
            {
                return CelError.NoSuchOverload("isSorted", list.Get(i - 1), list.Get(i));
            }

            if (comparison > 0 || comparison == CelOperators.Unordered)
            {
                return CelValues.False;
            }
        }

        return CelValues.True;
    }

    private static object Sum(object[] args)
    {
        if (args[0] is not CelList list)
        {
            return CelError.NoSuchOverload("sum", args);
        }

        if (list.Count == 0)
        {
            return 0L;
        }

        var total = list.Get(0);
        for (var i = 1; i < list.Count; i++)
        {
            total = CelOperators.Add(total, list.Get(i));
            if (total is CelError)
            {
                return total;
            }
        }

        return CelOperators.IsNumber(total) || total is CelDuration ? total : CelError.NoSuchOverload("sum", args);
    }

    private static object Extreme(object[] args, string name, int direction)
    {
        if (args[0] is not CelList list)
        {
            return CelError.NoSuchOverload(name, args);
        }

        if (list.Count == 0)
        {
            return new CelError($"{name} called on empty list");
        }

        var best = list.Get(0);
        for (var i = 1; i < list.Count; i++)
        {
            var candidate = list.Get(i);
            var comparison = CelOperators.Compare(candidate, best);
            if (comparison is null)
            {
                return CelError.NoSuchOverload(name, best, candidate);
            }

            if (comparison != CelOperators.Unordered && comparison * direction > 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static object OptionalValue(object[] args)
    {
        if (args[0] is not CelOptional optional)
        {
            return CelError.NoSuchOverload("value", args);
        }

        return optional.Value ?? new CelError("optional.none() dereference");
    }

    private static CelError RangeError(string type, object value) =>
        new($"range error converting {Stringify(value)} to {type}");

    private static int[] CodePoints(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        return [.. runes];
    }

    private static string FromCodePoints(int[] runes, int start, int end)
    {
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            builder.Append(char.ConvertFromUtf32(runes[i]));
        }

        return builder.ToString();
    }
}
