using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Serializes values like Go's <c>encoding/json</c> does for decoded objects: map keys sorted, HTML
/// characters escaped, integers as integers. Used for compound values inside error messages.
/// </summary>
internal static class GoJson
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '<':
                case '>':
                case '&':
                case '\u2028':
                case '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
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
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case JsonKind.Null:
                builder.Append("null");
                break;
            case JsonKind.Boolean:
                builder.Append(JsonValues.GetBoolean((JsonValue)node!) ? "true" : "false");
                break;
            case JsonKind.Integer:
                JsonValues.TryGetInteger((JsonValue)node!, out var integer);
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonKind.Number:
                builder.Append(GoFormat.JsonFloat(JsonValues.GetDouble((JsonValue)node!)));
                break;
            case JsonKind.String:
                WriteString(builder, JsonValues.GetString((JsonValue)node!));
                break;
            case JsonKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in (JsonArray)node!)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            default:
                var obj = (JsonObject)node!;
                builder.Append('{');
                var firstProperty = true;
                foreach (var key in obj.Select(pair => pair.Key).Order(StringComparer.Ordinal))
                {
                    if (!firstProperty)
                    {
                        builder.Append(',');
                    }

                    firstProperty = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, obj[key]);
                }

                builder.Append('}');
                break;
        }
    }
}
