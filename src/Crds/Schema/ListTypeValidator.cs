using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Uniqueness for <c>x-kubernetes-list-type: set</c> (whole items) and <c>map</c> (the
/// <c>x-kubernetes-list-map-keys</c> fields); each repeated value is reported once, at its second index.
/// </summary>
internal static class ListTypeValidator
{
    private const string MissingKey = "\u0001";

    public static void Validate(JsonNode? value, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (!schema.HasListTypeInSubtree)
        {
            return;
        }

        switch (value)
        {
            case JsonArray array:
                if (schema.ListType == "set")
                {
                    ReportDuplicates(array.Select(JsonValues.IdentityKey).ToList(), i => BadValue.Of(array[i]), path, errors);
                }
                else if (schema.ListType == "map")
                {
                    ValidateMapList(array, schema, path, errors);
                }

                if (schema.Items is { HasListTypeInSubtree: true } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(array[i], items, path.Index(i), errors);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var property = schema.Property(key);
                    var childSchema = property ?? schema.AdditionalProperties;
                    if (childSchema is { HasListTypeInSubtree: true })
                    {
                        Validate(child, childSchema, property is null ? path.Key(key) : path.Child(key), errors);
                    }
                }

                break;
        }
    }

    /// <summary>Identity of a list-type map entry from its key fields (a missing key is its own value).</summary>
    public static string MapKeyOf(JsonObject? item, IReadOnlyList<string> keyFields)
    {
        if (keyFields.Count == 1)
        {
            return item is not null && item.TryGetPropertyValue(keyFields[0], out var key) ? JsonValues.IdentityKey(key) : MissingKey;
        }

        return string.Join('\u0000', keyFields.Select(field =>
            item is not null && item.TryGetPropertyValue(field, out var key) ? JsonValues.IdentityKey(key) : MissingKey));
    }

    private static void ValidateMapList(JsonArray array, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                errors.Invalid(path.Index(i), BadValue.Of(array[i]), "must be an object for an array of list-type map");
                return;
            }
        }

        ReportDuplicates(
            array.Select(item => MapKeyOf(item as JsonObject, schema.ListMapKeys)).ToList(),
            i => GoJson.Serialize(KeyFields(array[i] as JsonObject, schema.ListMapKeys)),
            path,
            errors);
    }

    /// <summary>The key fields of an entry, as the API server prints them in a duplicate error.</summary>
    private static JsonObject KeyFields(JsonObject? item, IReadOnlyList<string> keyFields)
    {
        var keys = new JsonObject();
        foreach (var field in keyFields)
        {
            if (item is not null && item.TryGetPropertyValue(field, out var key))
            {
                keys[field] = key?.DeepClone();
            }
        }

        return keys;
    }

    private static void ReportDuplicates(List<string> identities, Func<int, string> describe, FieldPath path, ErrorCollector errors)
    {
        if (identities.Count <= 1)
        {
            return;
        }

        var seen = new Dictionary<string, int>(identities.Count, StringComparer.Ordinal);
        for (var i = 0; i < identities.Count; i++)
        {
            var count = seen.GetValueOrDefault(identities[i]) + 1;
            seen[identities[i]] = count;
            if (count == 2)
            {
                errors.Duplicate(path.Index(i), describe(i));
            }
        }
    }
}
