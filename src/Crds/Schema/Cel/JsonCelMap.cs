using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// A JSON object seen through its schema. For a declared object only declared fields are visible
/// (plus <c>apiVersion</c>, <c>kind</c> and <c>metadata.name</c>/<c>generateName</c> on resource roots);
/// values convert on access with the field's schema, so an integer in a <c>number</c> field is a double.
/// </summary>
internal sealed class JsonCelMap(JsonObject obj, SchemaNode? schema, bool isResourceRoot) : CelMap
{
    public override int Count => obj.Count(pair => IsVisible(pair.Key));

    public override IEnumerable<object> Keys => obj.Where(pair => IsVisible(pair.Key)).Select(pair => (object)pair.Key);

    public override bool TryGet(object key, out object value)
    {
        if (key is not string name || !IsVisible(name) || !obj.TryGetPropertyValue(name, out var node))
        {
            value = CelNull.Value;
            return false;
        }

        value = CelValues.FromJson(node, ChildSchema(name));
        return true;
    }

    private bool IsVisible(string key)
    {
        if (schema is null || schema.Allows(key))
        {
            return true;
        }

        return isResourceRoot && key is "apiVersion" or "kind" or "metadata";
    }

    private SchemaNode? ChildSchema(string key) =>
        isResourceRoot && key == "metadata" ? CelValues.MetadataView : schema?.ChildSchema(key);
}
