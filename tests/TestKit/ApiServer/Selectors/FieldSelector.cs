using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c> (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma = AND) limited to the fields
/// the resource type supports: metadata.name, metadata.namespace (namespaced types) and per-type extras.
/// </summary>
internal sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
    {
        _terms = terms;
    }

    public bool IsEmpty => _terms.Count == 0;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var notEquals = term.IndexOf("!=", StringComparison.Ordinal);
            var equals = term.IndexOf('=');
            string field;
            string value;
            bool equal;
            if (notEquals > 0)
            {
                (field, value, equal) = (term[..notEquals], term[(notEquals + 2)..], false);
            }
            else if (equals > 0)
            {
                var valueStart = term.Length > equals + 1 && term[equals + 1] == '=' ? equals + 2 : equals + 1;
                (field, value, equal) = (term[..equals], term[valueStart..], true);
            }
            else
            {
                throw ApiErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }
            field = field.Trim();
            if (!Supports(type, field))
            {
                throw ApiErrors.BadRequest($"field label not supported: {field}");
            }
            terms.Add((field, equal, value.Trim()));
        }
        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (field, equal, value) in _terms)
        {
            var actual = Lookup(obj, field);
            if ((actual == value) != equal)
            {
                return false;
            }
        }
        return true;
    }

    private static bool Supports(ResourceType type, string field) =>
        field == "metadata.name" || (field == "metadata.namespace" && type.Namespaced) || type.ExtraSelectableFields.Contains(field);

    private static string Lookup(JsonObject obj, string field)
    {
        JsonNode? node = obj;
        foreach (var part in field.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }
        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
