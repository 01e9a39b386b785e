using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>Objects marked <c>x-kubernetes-embedded-resource</c> must name their <c>kind</c> and <c>apiVersion</c>.</summary>
internal static class EmbeddedResourceValidator
{
    public static void Validate(JsonNode? value, SchemaNode schema, FieldPath path, ErrorCollector errors)
    {
        if (!schema.HasEmbeddedResourceInSubtree)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema.EmbeddedResource)
                {
                    RequireNonEmpty(obj, "kind", path, errors);
                    RequireNonEmpty(obj, "apiVersion", path, errors);
                }

                foreach (var (key, child) in obj)
                {
                    var property = schema.Property(key);
                    var childSchema = property ?? schema.AdditionalProperties;
                    if (childSchema is not null)
                    {
                        Validate(child, childSchema, property is null ? path.Key(key) : path.Child(key), errors);
                    }
                }

                break;
            case JsonArray array when schema.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], schema.Items, path.Index(i), errors);
                }

                break;
        }
    }

    private static void RequireNonEmpty(JsonObject obj, string field, FieldPath path, ErrorCollector errors)
    {
        if (!obj.TryGetPropertyValue(field, out var value) || JsonValues.KindOf(value) != JsonKind.String
            || JsonValues.GetString((JsonValue)value!).Length == 0)
        {
            errors.Required(path.Child(field), "must not be empty");
        }
    }
}
