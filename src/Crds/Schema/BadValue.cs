using System.Globalization;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Renders the "bad value" part of an API server field error (<c>field.Error.ErrorBody</c>): strings
/// quoted, numbers and booleans bare, null as <c>"null"</c>, compound values as JSON.
/// </summary>
internal static class BadValue
{
    public static string Of(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Null => GoFormat.Quote("null"),
        JsonKind.String => GoFormat.Quote(JsonValues.GetString((JsonValue)node!)),
        JsonKind.Boolean => JsonValues.GetBoolean((JsonValue)node!) ? "true" : "false",
        JsonKind.Integer => Of(IntegerOf((JsonValue)node!)),
        JsonKind.Number => GoFormat.Float(JsonValues.GetDouble((JsonValue)node!)),
        _ => GoJson.Serialize(node),
    };

    public static string Of(string value) => GoFormat.Quote(value);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long IntegerOf(JsonValue value)
    {
        JsonValues.TryGetInteger(value, out var result);
        return result;
    }
}
