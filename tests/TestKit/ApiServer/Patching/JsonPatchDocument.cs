using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
internal static class JsonPatchDocument
{
    /// <exception cref="JsonPatchException">An operation is malformed, a path is missing or a test fails.</exception>
    public static JsonNode? Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new JsonPatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        var root = new JsonObject { ["doc"] = document?.DeepClone() };
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
            {
                throw new JsonPatchException("invalid operation: not an object");
            }
            var op = Required(operation, "op");
            var path = Required(operation, "path");
            switch (op)
            {
                case "add":
                    Add(root, path, ValueOf(operation));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, ValueOf(operation));
                    break;
                case "move":
                    var moved = Remove(root, Required(operation, "from"));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, Required(operation, "from"))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), ValueOf(operation)))
                    {
                        throw new JsonPatchException($"testing value {path} failed: test failed");
                    }
                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {op}");
            }
        }
        var result = root["doc"];
        root.Remove("doc");
        return result;
    }

    private static string Required(JsonObject operation, string name) =>
        operation[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new JsonPatchException($"operation missing \"{name}\" string");

    private static JsonNode? ValueOf(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException("operation missing \"value\"");

    private static (JsonNode Parent, string Token) Resolve(JsonObject root, string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new JsonPatchException($"invalid path {pointer}");
        }
        var tokens = pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(Unescape).ToList();
        JsonNode parent = root;
        var token = "doc";
        foreach (var next in tokens)
        {
            parent = Child(parent, token) ?? throw new JsonPatchException($"missing value at path {pointer}");
            token = next;
        }
        return (parent, token);
    }

    private static JsonNode? Get(JsonObject root, string pointer)
    {
        var (parent, token) = Resolve(root, pointer);
        return Child(parent, token);
    }

    private static JsonNode? Child(JsonNode parent, string token) => parent switch
    {
        JsonObject obj => obj[token],
        JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
        _ => null,
    };

    private static void Add(JsonObject root, string pointer, JsonNode? value)
    {
        var (parent, token) = Resolve(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array when token == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw new JsonPatchException($"add operation does not apply: doc is missing path: \"{pointer}\"");
        }
    }

    private static JsonNode? Remove(JsonObject root, string pointer)
    {
        var (parent, token) = Resolve(root, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(token):
                var value = obj[token];
                obj.Remove(token);
                return value;
            case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count:
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw new JsonPatchException($"remove operation does not apply: doc is missing path: \"{pointer}\"");
        }
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

/// <summary>A JSON patch could not be applied; the server answers 422 with this message.</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
