using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Reads <see cref="JsonNode"/> scalars with the API server's decoding rules: a number written without a
/// fraction or exponent that fits in int64 is an integer, anything else is a float64.
/// </summary>
internal static class JsonValues
{
    public static JsonKind KindOf(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonKind.Null;
            case JsonObject:
                return JsonKind.Object;
            case JsonArray:
                return JsonKind.Array;
        }

        var value = (JsonValue)node;
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonKind.String;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return JsonKind.Boolean;
            case JsonValueKind.Number:
                return TryGetInteger(value, out _) ? JsonKind.Integer : JsonKind.Number;
            case JsonValueKind.Null:
                return JsonKind.Null;
            default:
                return JsonKind.Null;
        }
    }

    /// <summary>The OpenAPI type name used in messages (<c>integer</c>, <c>number</c>, <c>null</c>...).</summary>
    public static string TypeName(JsonKind kind) => kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Integer => "integer",
        JsonKind.Number => "number",
        _ => "boolean",
    };

    public static bool TryGetInteger(JsonValue value, out long result)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                return element.TryGetInt64(out result);
            }

            result = 0;
            return false;
        }

        if (value.TryGetValue(out long longValue))
        {
            result = longValue;
            return true;
        }

        if (value.TryGetValue(out int intValue))
        {
            result = intValue;
            return true;
        }

        if (value.GetValueKind() != JsonValueKind.Number)
        {
            result = 0;
            return false;
        }

        return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    public static double GetDouble(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            return element.GetDouble();
        }

        if (value.TryGetValue(out double doubleValue))
        {
            return doubleValue;
        }

        if (value.TryGetValue(out long longValue))
        {
            return longValue;
        }

        if (value.TryGetValue(out int intValue))
        {
            return intValue;
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static string GetString(JsonValue value)
    {
        if (value.TryGetValue(out string? text))
        {
            return text;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            return element.GetString() ?? string.Empty;
        }

        return JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? string.Empty;
    }

    public static bool GetBoolean(JsonValue value) => value.GetValueKind() == JsonValueKind.True;

    /// <summary>
    /// A string identifying a value for uniqueness checks. Integers and floats differ, as they do as
    /// Go map keys; compound values compare by their JSON.
    /// </summary>
    public static string IdentityKey(JsonNode? node) => KindOf(node) switch
    {
        JsonKind.Null => "n",
        JsonKind.String => "s" + GetString((JsonValue)node!),
        JsonKind.Boolean => GetBoolean((JsonValue)node!) ? "b1" : "b0",
        JsonKind.Integer => "i" + GoJson.Serialize(node),
        JsonKind.Number => "f" + GoJson.Serialize(node),
        _ => "c" + GoJson.Serialize(node),
    };

    /// <summary>True when a float has no fractional part and is exactly representable (Go <c>swag.IsFloat64AJSONInteger</c>).</summary>
    public static bool IsIntegral(double value)
    {
        const double maxExact = 9007199254740992d;
        return !double.IsNaN(value) && !double.IsInfinity(value) && Math.Floor(value) == value && Math.Abs(value) <= maxExact;
    }

    /// <summary>Deep equality with numbers compared by value, as enum checks do.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        var leftKind = KindOf(left);
        var rightKind = KindOf(right);
        if (IsNumeric(leftKind) && IsNumeric(rightKind))
        {
            return NumbersEqual((JsonValue)left!, leftKind, (JsonValue)right!, rightKind);
        }

        if (leftKind != rightKind)
        {
            return false;
        }

        switch (leftKind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                return GetString((JsonValue)left!) == GetString((JsonValue)right!);
            case JsonKind.Boolean:
                return GetBoolean((JsonValue)left!) == GetBoolean((JsonValue)right!);
            case JsonKind.Array:
                var leftArray = (JsonArray)left!;
                var rightArray = (JsonArray)right!;
                if (leftArray.Count != rightArray.Count)
                {
                    return false;
                }

                for (var i = 0; i < leftArray.Count; i++)
                {
                    if (!DeepEquals(leftArray[i], rightArray[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                var leftObject = (JsonObject)left!;
                var rightObject = (JsonObject)right!;
                if (leftObject.Count != rightObject.Count)
                {
                    return false;
                }

                foreach (var (key, value) in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool IsNumeric(JsonKind kind) => kind is JsonKind.Integer or JsonKind.Number;

    private static bool NumbersEqual(JsonValue left, JsonKind leftKind, JsonValue right, JsonKind rightKind)
    {
        if (leftKind == JsonKind.Integer && rightKind == JsonKind.Integer)
        {
            TryGetInteger(left, out var a);
            TryGetInteger(right, out var b);
            return a == b;
        }

        return GetDouble(left) == GetDouble(right);
    }
}
