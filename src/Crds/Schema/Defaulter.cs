using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Applies <c>default</c>s in place: a property's default fills it when it is absent (or null and not
/// nullable) inside an object that exists; defaults inside a defaulted value and inside every list
/// item apply too.
/// </summary>
internal static class Defaulter
{
    public static void Apply(JsonNode? value, SchemaNode schema)
    {
        if (!schema.HasDefaultsInSubtree)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                ApplyToObject(obj, schema);
                break;
            case JsonArray array when schema.Items is not null:
                foreach (var item in array)
                {
                    Apply(item, schema.Items);
                }

                break;
        }
    }

    private static void ApplyToObject(JsonObject obj, SchemaNode schema)
    {
        foreach (var (name, property) in schema.DefaultedProperties)
        {
            if (!obj.TryGetPropertyValue(name, out var existing) || (existing is null && !property.Nullable))
            {
                obj[name] = property.CreateDefault();
            }
        }

        foreach (var (key, child) in obj)
        {
            if (child is null || (schema.IsResourceRoot && key == "metadata"))
            {
                continue;
            }

            if (schema.ChildSchema(key) is { HasDefaultsInSubtree: true } childSchema)
            {
                Apply(child, childSchema);
            }
        }
    }
}
