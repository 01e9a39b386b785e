using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// First stage of a write: removes (or reports) fields the schema does not declare, keeps
/// <c>apiVersion</c>/<c>kind</c>/<c>metadata</c> on resource roots, and drops non-nullable nulls that have
/// no default, like the API server's decoder does before defaulting.
/// </summary>
internal static class UnknownFieldPruner
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    };

    public static void Apply(JsonNode? value, SchemaNode schema, FieldPath path, UnknownFieldHandling handling, ErrorCollector errors)
    {
        switch (value)
        {
            case JsonObject obj:
                ApplyToObject(obj, schema, path, handling, errors);
                break;
            case JsonArray array when schema.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    Apply(array[i], schema.Items, path.Index(i), handling, errors);
                }

                break;
        }
    }

    private static void ApplyToObject(JsonObject obj, SchemaNode schema, FieldPath path, UnknownFieldHandling handling, ErrorCollector errors)
    {
        List<string>? removals = null;
        foreach (var (key, child) in obj)
        {
            if (schema.IsResourceRoot && key == "metadata")
            {
                if (child is JsonObject metadata)
                {
                    ApplyToObjectMeta(metadata, path.Child(key), handling, errors);
                }

                continue;
            }

            var property = schema.Property(key);
            var childSchema = property ?? schema.AdditionalProperties;
            if (childSchema is not null)
            {
                if (child is null && !childSchema.Nullable && childSchema.Default is null)
                {
                    (removals ??= []).Add(key);
                }
                else
                {
                    Apply(child, childSchema, property is null ? path.Key(key) : path.Child(key), handling, errors);
                }

                continue;
            }

            if (schema.Allows(key))
            {
                continue;
            }

            if (handling == UnknownFieldHandling.Prune)
            {
                (removals ??= []).Add(key);
            }
            else
            {
                errors.UnknownField(path.Child(key));
            }
        }

        foreach (var key in removals ?? [])
        {
            obj.Remove(key);
        }
    }

    private static void ApplyToObjectMeta(JsonObject metadata, FieldPath path, UnknownFieldHandling handling, ErrorCollector errors)
    {
        var unknown = metadata.Where(pair => !ObjectMetaFields.Contains(pair.Key)).Select(pair => pair.Key).ToList();
        foreach (var key in unknown)
        {
            if (handling == UnknownFieldHandling.Prune)
            {
                metadata.Remove(key);
            }
            else
            {
                errors.UnknownField(path.Child(key));
            }
        }
    }
}
