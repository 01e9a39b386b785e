using System.Globalization;
using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// OpenAPI value validation in the order and wording of the API server's validator (kube-openapi):
/// type, allOf/anyOf/oneOf/not, string length and pattern, format, numeric bounds, items and
/// minItems/maxItems, enum, then min/maxProperties, map values, properties and required.
/// </summary>
internal static class ValueValidator
{
    private const string In = "in body";

    public static void Validate(JsonNode? value, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        var kind = JsonValues.KindOf(value);
        if (kind == JsonKind.Null)
        {
            if (schema.TypeDescription is { } expected && !schema.Nullable)
            {
                errors.TypeInvalid(path, BadValue.Of("null"), $"{path} {In} must be of type {expected}: {GoFormat.Quote("null")}");
            }

            ValidateEnum(value, null, schema, path, errors);
            return;
        }

        if (!ValidateType(value!, kind, schema, path, errors))
        {
            ValidateInt32Range(value!, kind, schema, path, errors);
        }

        ValidateJunctors(value, schema, path, errors);
        string? text = null;
        switch (kind)
        {
            case JsonKind.String:
                text = JsonValues.GetString((JsonValue)value!);
                ValidateString(text, schema, path, errors);
                ValidateFormat(text, schema, path, errors);
                break;
            case JsonKind.Integer:
            case JsonKind.Number:
                ValidateNumber((JsonValue)value!, kind, schema, path, errors);
                break;
            case JsonKind.Array:
                ValidateArray((JsonArray)value!, schema, path, errors);
                break;
        }

        ValidateEnum(value, text, schema, path, errors);
        if (kind == JsonKind.Object)
        {
            ValidateObject((JsonObject)value!, schema, path, errors);
        }
    }

    /// <summary>Returns true when a type error was reported.</summary>
    private static bool ValidateType(JsonNode value, JsonKind kind, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        var format = EffectiveFormat(schema);
        var types = schema.TypeDescription;
        if (types is null && format is null)
        {
            return false;
        }

        var actualType = JsonValues.TypeName(kind);
        var allowsInteger = schema.IntOrString || schema.Type == "integer";
        var allowsNumber = schema.Type == "number";
        var allowsActual = actualType switch
        {
            "integer" => allowsInteger || allowsNumber,
            "string" => schema.Type == "string" || schema.IntOrString,
            _ => schema.Type == actualType,
        };
        var isFloatInt = kind == JsonKind.Number && allowsInteger && JsonValues.IsIntegral(JsonValues.GetDouble((JsonValue)value));
        if (kind is not (JsonKind.String or JsonKind.Array) && format is not null && !(allowsActual || isFloatInt))
        {
            var actualFormat = kind switch
            {
                JsonKind.Integer => "int64",
                JsonKind.Number => "float64",
                _ => string.Empty,
            };
            if (actualFormat != format)
            {
                errors.TypeInvalid(path, BadValue.Of(actualFormat), $"{path} {In} must be of type {format}: {GoFormat.Quote(actualFormat)}");
                return true;
            }
        }

        if (!(allowsInteger || allowsNumber) && format is not null && kind is JsonKind.String or JsonKind.Array)
        {
            return false;
        }

        if (types is not null && !(allowsActual || isFloatInt))
        {
            errors.TypeInvalid(path, BadValue.Of(actualType), $"{path} {In} must be of type {types}: {GoFormat.Quote(actualType)}");
            return true;
        }

        return false;
    }

    /// <summary>The format kube-openapi sees: unsupported formats on strings are stripped by the API server.</summary>
    private static string? EffectiveFormat(SchemaNode schema) =>
        schema.Type == "string" && schema.CheckedStringFormat is null ? null : schema.Format;

    /// <summary>Rejects <c>format: int32</c> integers outside the int32 range.</summary>
    private static void ValidateInt32Range(JsonNode value, JsonKind kind, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.Format != "int32" || kind != JsonKind.Integer || !JsonValues.TryGetInteger((JsonValue)value, out var number)
            || number is >= int.MinValue and <= int.MaxValue)
        {
            return;
        }

        var text = number.ToString(CultureInfo.InvariantCulture);
        errors.TypeInvalid(path, BadValue.Of(number), $"{path} {In} must be of type int32: {GoFormat.Quote(text)}");
    }

    private static void ValidateJunctors(JsonNode? value, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        var quotedPath = GoFormat.Quote(path.ToString());
        if (schema.AnyOf.Count > 0)
        {
            ErrorCollector? best = null;
            var succeeded = false;
            foreach (var branch in schema.AnyOf)
            {
                var result = ValidateBranch(value, branch, path);
                if (result.Count == 0)
                {
                    succeeded = true;
                    break;
                }

                if (best is null || result.Count < best.Count)
                {
                    best = result;
                }
            }

            if (!succeeded)
            {
                errors.InvalidWithoutPath(BadValue.Of(string.Empty), $"{quotedPath} must validate at least one schema (anyOf)");
                errors.AddRange(best!);
            }
        }

        if (schema.OneOf.Count > 0)
        {
            ErrorCollector? best = null;
            var validated = 0;
            foreach (var branch in schema.OneOf)
            {
                var result = ValidateBranch(value, branch, path);
                if (result.Count == 0)
                {
                    validated++;
                }
                else if (validated == 0 && (best is null || result.Count < best.Count))
                {
                    best = result;
                }
            }

            if (validated != 1)
            {
                var detail = validated == 0 ? "Found none valid" : $"Found {validated} valid alternatives";
                errors.InvalidWithoutPath(BadValue.Of(string.Empty), $"{quotedPath} must validate one and only one schema (oneOf). {detail}");
                if (validated == 0 && best is not null)
                {
                    errors.AddRange(best);
                }
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var validated = 0;
            foreach (var branch in schema.AllOf)
            {
                var result = ValidateBranch(value, branch, path);
                if (result.Count == 0)
                {
                    validated++;
                }

                errors.AddRange(result);
            }

            if (validated != schema.AllOf.Count)
            {
                var detail = validated == 0 ? ". None validated" : string.Empty;
                errors.InvalidWithoutPath(BadValue.Of(string.Empty), $"{quotedPath} must validate all the schemas (allOf){detail}");
            }
        }

        if (schema.Not is not null && ValidateBranch(value, schema.Not, path).Count == 0)
        {
            errors.InvalidWithoutPath(BadValue.Of(string.Empty), $"{quotedPath} must not validate the schema (not)");
        }
    }

    private static ErrorCollector ValidateBranch(JsonNode? value, SchemaNode branch, FieldPath path)
    {
        var result = new ErrorCollector();
        Validate(value, branch, path, result);
        return result;
    }

    private static void ValidateString(string text, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.MaxLength is null && schema.MinLength is null && schema.Pattern is null)
        {
            return;
        }

        var length = schema.MaxLength is null && schema.MinLength is null ? 0 : CountRunes(text);
        if (schema.MaxLength is { } maxLength && length > maxLength)
        {
            errors.TooLong(path, maxLength);
            return;
        }

        if (schema.MinLength is { } minLength && length < minLength)
        {
            errors.Invalid(path, BadValue.Of(text), $"{path} {In} should be at least {minLength} chars long");
            return;
        }

        if (schema.Pattern is not null && !schema.Pattern.IsMatch(text))
        {
            errors.Invalid(path, BadValue.Of(text), $"{path} {In} should match '{schema.PatternSource}'");
        }
    }

    private static void ValidateFormat(string text, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.CheckedStringFormat is { } format && !StringFormats.IsValid(format, text))
        {
            errors.TypeInvalid(path, BadValue.Of(text), $"{path} {In} must be of type {schema.Format}: {GoFormat.Quote(text)}");
        }
    }

    private static void ValidateNumber(JsonValue value, JsonKind kind, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.MultipleOf is null && schema.Minimum is null && schema.Maximum is null)
        {
            return;
        }

        var isInteger = JsonValues.TryGetInteger(value, out var integer) && kind == JsonKind.Integer;
        var number = isInteger ? integer : JsonValues.GetDouble(value);
        var badValue = isInteger ? BadValue.Of(integer) : GoFormat.Float(number);

        if (schema.MultipleOf is { } factor)
        {
            var integerFactor = (long)factor;
            if (isInteger && integerFactor != 0)
            {
                if (integer % integerFactor != 0)
                {
                    errors.Invalid(path, badValue, $"{path} {In} should be a multiple of {integerFactor}");
                }
            }
            else if (!JsonValues.IsIntegral(factor < 1 ? 1 / factor * number : number / factor))
            {
                errors.Invalid(path, badValue, $"{path} {In} should be a multiple of {GoFormat.Float(factor)}");
            }
        }

        if (schema.Minimum is { } minimum)
        {
            var bound = isInteger ? ((long)minimum).ToString(CultureInfo.InvariantCulture) : GoFormat.Float(minimum);
            var below = isInteger
                ? (schema.ExclusiveMinimum ? integer <= (long)minimum : integer < (long)minimum)
                : (schema.ExclusiveMinimum ? number <= minimum : number < minimum);
            if (below)
            {
                var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
                errors.Invalid(path, badValue, $"{path} {In} should be {relation} {bound}");
            }
        }

        if (schema.Maximum is { } maximum)
        {
            var bound = isInteger ? ((long)maximum).ToString(CultureInfo.InvariantCulture) : GoFormat.Float(maximum);
            var above = isInteger
                ? (schema.ExclusiveMaximum ? integer >= (long)maximum : integer > (long)maximum)
                : (schema.ExclusiveMaximum ? number >= maximum : number > maximum);
            if (above)
            {
                var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
                errors.Invalid(path, badValue, $"{path} {In} should be {relation} {bound}");
            }
        }
    }

    private static void ValidateArray(JsonArray array, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.Items is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], schema.Items, path.Index(i), errors);
            }
        }

        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            errors.Invalid(path, BadValue.Of(array.Count), $"{path} {In} should have at least {minItems} items");
        }

        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            errors.TooMany(path, array.Count, maxItems);
        }
    }

    /// <param name="text">The value when it is a string, already read by the caller.</param>
    private static void ValidateEnum(JsonNode? value, string? text, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.Enum is null || schema.Enum.Count == 0)
        {
            return;
        }

        if (schema.EnumStrings is not null)
        {
            if (text is not null && schema.EnumStrings.Contains(text))
            {
                return;
            }
        }
        else if (schema.Enum.Any(allowed => JsonValues.DeepEquals(value, allowed)))
        {
            return;
        }

        var supported = schema.Enum.Select(allowed => JsonValues.KindOf(allowed) == JsonKind.String
            ? JsonValues.GetString((JsonValue)allowed!)
            : GoJson.Serialize(allowed));
        errors.NotSupported(path, BadValue.Of(value), supported);
    }

    private static void ValidateObject(JsonObject obj, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
        {
            errors.Invalid(path, BadValue.Of(obj.Count), $"{path} {In} should have at least {minProperties} properties");
            return;
        }

        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
        {
            errors.TooMany(path, obj.Count, maxProperties);
            return;
        }

        if (schema.AdditionalProperties is { } valueSchema)
        {
            foreach (var (key, child) in obj)
            {
                if (schema.Property(key) is null)
                {
                    Validate(child, valueSchema, path.Key(key), errors);
                }
            }
        }

        foreach (var (name, property) in schema.OrderedProperties)
        {
            if (obj.TryGetPropertyValue(name, out var child))
            {
                Validate(child, property, path.Child(name), errors);
            }
        }

        foreach (var name in schema.Required)
        {
            if (!obj.ContainsKey(name))
            {
                errors.Required(path.Child(name));
            }
        }
    }

    private static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
