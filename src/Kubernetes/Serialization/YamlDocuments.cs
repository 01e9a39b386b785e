using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Skyforge.Kubernetes.Serialization;

/// <summary>
/// Converts between YAML streams and <see cref="JsonNode"/> trees, the way kubectl reads manifests:
/// plain scalars resolve with the YAML 1.2 core schema (null, booleans, integers, floats), quoted
/// scalars are always strings, and every mapping key is a string.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Parses every document of a YAML stream; empty documents are skipped.</summary>
    /// <exception cref="YamlFormatException">The text is not well-formed YAML.</exception>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var documents = new List<JsonNode>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                JsonNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _))
                {
                    root = ReadNode(parser, new Dictionary<string, JsonNode?>());
                }
                parser.Consume<DocumentEnd>();
                if (root is not null)
                {
                    documents.Add(root);
                }
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            throw new YamlFormatException($"line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        return documents;
    }

    /// <summary>Parses a YAML text that must hold exactly one document.</summary>
    public static JsonNode ParseSingle(string yaml)
    {
        var documents = Parse(yaml);
        return documents.Count == 1
            ? documents[0]
            : throw new YamlFormatException($"expected exactly one YAML document, found {documents.Count}");
    }

    /// <summary>Writes documents as one YAML stream separated by <c>---</c>, keys in insertion order.</summary>
    public static string Write(IEnumerable<JsonNode> documents)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                builder.Append("---\n");
            }
            first = false;
            builder.Append(Write(document));
        }
        return builder.ToString();
    }

    /// <summary>Writes one document in block style.</summary>
    public static string Write(JsonNode? document)
    {
        var builder = new StringBuilder();
        YamlWriter.WriteRoot(builder, document);
        return builder.ToString();
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target?.DeepClone()
                : throw new YamlFormatException($"line {alias.Start.Line}: unknown alias *{alias.Value.Value}");
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ResolveScalar(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }
        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }
            Remember(anchors, sequenceStart.Anchor, array);
            return array;
        }
        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current;
                var key = ReadNode(parser, anchors);
                var keyText = key switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => throw new YamlFormatException($"line {keyEvent?.Start.Line}: mapping keys must be scalars"),
                };
                var value = ReadNode(parser, anchors);
                if (obj.ContainsKey(keyText))
                {
                    throw new YamlFormatException($"line {keyEvent?.Start.Line}: duplicate key \"{keyText}\"");
                }
                obj[keyText] = value;
            }
            Remember(anchors, mappingStart.Anchor, obj);
            return obj;
        }
        throw new YamlFormatException($"line {parser.Current?.Start.Line}: unexpected YAML event {parser.Current?.GetType().Name}");
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }
    }

    private static JsonNode? ResolveScalar(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str")
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (IsFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }

    private static bool IsInteger(string text)
    {
        var start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsFloat(string text)
    {
        var sawDigit = false;
        var sawDotOrExponent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
            }
            else if (c is '.' or 'e' or 'E')
            {
                sawDotOrExponent = true;
            }
            else if (c is '-' or '+')
            {
                if (i != 0 && text[i - 1] is not ('e' or 'E'))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        return sawDigit && sawDotOrExponent;
    }
}
