using System.Globalization;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// CEL runtime values: <see cref="long"/> (int), <see cref="ulong"/> (uint), <see cref="double"/>,
/// <see cref="string"/>, <see cref="bool"/>, <see cref="CelNull"/>, <see cref="CelList"/>, <see cref="CelMap"/>,
/// <see cref="DateTimeOffset"/> (timestamp), <see cref="CelDuration"/>, <see cref="CelOptional"/>, and
/// <see cref="CelError"/> for errors. Converts schema-typed JSON into them.
/// </summary>
internal static class CelValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    /// <summary>What a rule sees of <c>metadata</c> on a resource root: only name and generateName.</summary>
    public static readonly SchemaNode MetadataView = new()
    {
        SchemaPath = "metadata",
        Type = "object",
        Properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal)
        {
            ["name"] = new() { SchemaPath = "metadata.name", Type = "string" },
            ["generateName"] = new() { SchemaPath = "metadata.generateName", Type = "string" },
        },
    };

    public static object Bool(bool value) => value ? True : False;

    public static object FromJson(JsonNode? node, SchemaNode? schema, bool isResourceRoot = false)
    {
        switch (node)
        {
            case null:
                return CelNull.Value;
            case JsonObject obj:
                return new JsonCelMap(obj, schema, isResourceRoot || schema?.IsResourceRoot == true);
            case JsonArray array:
                return new JsonCelList(array, schema);
        }

        var value = (JsonValue)node;
        switch (JsonValues.KindOf(value))
        {
            case JsonKind.String:
                return FromString(JsonValues.GetString(value), schema);
            case JsonKind.Boolean:
                return Bool(JsonValues.GetBoolean(value));
            case JsonKind.Integer:
                JsonValues.TryGetInteger(value, out var integer);
                return schema?.Type == "number" ? (double)integer : integer;
            case JsonKind.Number:
                var number = JsonValues.GetDouble(value);
                return (schema?.Type == "integer" || schema?.IntOrString == true) && JsonValues.IsIntegral(number)
                    ? (long)number
                    : number;
            default:
                return CelNull.Value;
        }
    }

    public static string TypeName(object value) => value switch
    {
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        bool => "bool",
        CelNull => "null_type",
        CelList => "list",
        CelMap => "map",
        DateTimeOffset => "google.protobuf.Timestamp",
        CelDuration => "google.protobuf.Duration",
        CelOptional => "optional_type",
        _ => value.GetType().Name,
    };

    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!StringFormats.IsDateTime(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    public static string FormatTimestamp(DateTimeOffset timestamp)
    {
        var utc = timestamp.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    public static string FormatDuration(CelDuration duration) =>
        (duration.Nanoseconds / 1e9).ToString("0.#########", CultureInfo.InvariantCulture) + "s";

    private static object FromString(string text, SchemaNode? schema)
    {
        switch (schema?.CheckedStringFormat)
        {
            case "datetime" when TryParseTimestamp(text, out var timestamp):
                return timestamp;
            case "date" when StringFormats.IsDate(text):
                return new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero);
            case "duration" when GoDuration.TryParse(text, out var nanoseconds):
                return new CelDuration(nanoseconds);
            default:
                return text;
        }
    }
}
