using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>[n]</c>, <c>[*]</c> (first match) and filters
/// <c>[?(@.type=="Ready")]</c>. Returns null when nothing matches.
/// </summary>
internal static class SimpleJsonPath
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }
        text = text.TrimStart('$');
        var node = root;
        var i = 0;
        while (i < text.Length && node is not null)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '.' && text[end] != '[')
                {
                    end++;
                }
                node = node is JsonObject obj ? obj[text[(i + 1)..end]] : null;
                i = end;
            }
            else if (text[i] == '[')
            {
                var end = FindClosingBracket(text, i);
                node = Select(node, text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }
        return node;
    }

    private static int FindClosingBracket(string text, int open)
    {
        var depth = 0;
        var inQuotes = false;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    inQuotes = !inQuotes;
                    break;
                case '[' when !inQuotes:
                    depth++;
                    break;
                case ']' when !inQuotes:
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return text.Length - 1;
    }

    private static JsonNode? Select(JsonNode? node, string selector)
    {
        if (node is not JsonArray array)
        {
            return null;
        }
        if (selector == "*")
        {
            return array.Count > 0 ? array[0] : null;
        }
        if (int.TryParse(selector, out var index))
        {
            if (index < 0)
            {
                index += array.Count;
            }
            return index >= 0 && index < array.Count ? array[index] : null;
        }
        if (selector.StartsWith("?(@", StringComparison.Ordinal) && selector.EndsWith(')'))
        {
            var condition = selector[3..^1];
            var equals = condition.IndexOf("==", StringComparison.Ordinal);
            if (equals < 0)
            {
                return null;
            }
            var field = condition[..equals].Trim();
            var expected = condition[(equals + 2)..].Trim().Trim('"', '\'');
            foreach (var item in array)
            {
                var actual = Evaluate(item, field);
                if (actual is JsonValue value && value.ToString() == expected)
                {
                    return item;
                }
            }
        }
        return null;
    }
}
