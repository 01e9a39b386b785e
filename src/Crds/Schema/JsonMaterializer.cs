using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Copies a parsed JSON value (default, enum entry) into a tree of plain objects, arrays and primitive
/// values. Parsed nodes build their children lazily on first read, which is unsafe when a shared
/// schema is read from several threads.
/// </summary>
internal static class JsonMaterializer
{
    public static JsonNode? Materialize(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = Materialize(child);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    items.Add(Materialize(child));
                }

                return items;
        }

        var value = (JsonValue)node;
        return JsonValues.KindOf(value) switch
        {
            JsonKind.String => JsonValue.Create(JsonValues.GetString(value)),
            JsonKind.Boolean => JsonValue.Create(JsonValues.GetBoolean(value)),
            JsonKind.Integer => JsonValue.Create(IntegerOf(value)),
            JsonKind.Number => JsonValue.Create(JsonValues.GetDouble(value)),
            _ => null,
        };
    }

    private static long IntegerOf(JsonValue value)
    {
        JsonValues.TryGetInteger(value, out var integer);
        return integer;
    }
}
