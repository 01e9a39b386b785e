using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Kubernetes.Serialization;

/// <summary>Block-style YAML emitter for JSON trees; output is stable for equal input.</summary>
internal static class YamlWriter
{
    public static void WriteRoot(StringBuilder output, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(output, obj, 0);
                break;
            case JsonArray array when array.Count > 0:
                WriteSequence(output, array, 0);
                break;
            default:
                output.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteMapping(StringBuilder output, JsonObject obj, int indent)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!first)
            {
                output.Append(' ', indent);
            }
            first = false;
            output.Append(Key(key)).Append(':');
            WriteValueAfterKey(output, value, indent);
        }
    }

    private static void WriteSequence(StringBuilder output, JsonArray array, int indent)
    {
        var first = true;
        foreach (var item in array)
        {
            if (!first)
            {
                output.Append(' ', indent);
            }
            first = false;
            output.Append("- ");
            switch (item)
            {
                case JsonObject obj when obj.Count > 0:
                    WriteMapping(output, obj, indent + 2);
                    break;
                case JsonArray nested when nested.Count > 0:
                    WriteSequence(output, nested, indent + 2);
                    break;
                default:
                    WriteScalarLine(output, item, indent + 2);
                    break;
            }
        }
    }

    private static void WriteValueAfterKey(StringBuilder output, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                output.Append('\n').Append(' ', indent + 2);
                WriteMapping(output, obj, indent + 2);
                break;
            case JsonArray array when array.Count > 0:
                output.Append('\n').Append(' ', indent);
                WriteSequence(output, array, indent);
                break;
            default:
                output.Append(' ');
                WriteScalarLine(output, value, indent + 2);
                break;
        }
    }

    private static void WriteScalarLine(StringBuilder output, JsonNode? value, int indent)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains('\n') && IsPrintable(text))
        {
            var chomp = text.EndsWith('\n') ? (text.EndsWith("\n\n") ? "+" : "") : "-";
            output.Append('|').Append(chomp).Append('\n');
            var body = text.EndsWith('\n') ? text[..^1] : text;
            foreach (var line in body.Split('\n'))
            {
                if (line.Length > 0)
                {
                    output.Append(' ', indent).Append(line);
                }
                output.Append('\n');
            }
            return;
        }
        output.Append(Scalar(value)).Append('\n');
    }

    private static bool IsPrintable(string text)
    {
        foreach (var c in text)
        {
            if (c != '\n' && (char.IsControl(c) || c == '\uFEFF'))
            {
                return false;
            }
        }
        // Leading spaces on the first line would change the block scalar's indentation.
        return !text.StartsWith(' ') && !text.Contains(" \n");
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }
        var value = (JsonValue)node;
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.ToJsonString();
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return NeedsQuotes(text) ? Quote(text) : text;
            default:
                return value.ToJsonString();
        }
    }

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text != text.Trim())
        {
            return true;
        }
        if (text is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
            or "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF" or "y" or "n" or "Y" or "N")
        {
            return true;
        }
        if (LooksNumeric(text))
        {
            return true;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0]))
        {
            return true;
        }
        if (text.Contains(": ") || text.Contains(" #") || text.EndsWith(':'))
        {
            return true;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) || c > '\u007e')
            {
                return true;
            }
        }
        return false;
    }

    private static bool LooksNumeric(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }
        // YAML 1.1 readers also treat these as numbers or times, so keep them strings for every reader.
        var body = text.TrimStart('-', '+');
        return body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || body.StartsWith("0o", StringComparison.OrdinalIgnoreCase)
            || body is ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN"
            || (body.Length > 0 && char.IsAsciiDigit(body[0]) && body.All(c => char.IsAsciiDigit(c) || c is ':' or '_' or '.'));
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuotingOptions);

    private static readonly JsonSerializerOptions QuotingOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
