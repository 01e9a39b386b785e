namespace Skyforge.Crds.Schema;

/// <summary>
/// Parses a rule's <c>fieldPath</c> (<c>.spec.replicas</c>, <c>.tags['app.kubernetes.io/name']</c>) and
/// checks it names a field the schema declares, as the API server does when the CRD is written.
/// </summary>
internal static class RuleFieldPathParser
{
    public static IReadOnlyList<RuleFieldPathSegment> Parse(string fieldPath, SchemaNode node, string schemaPath)
    {
        var names = Split(fieldPath, schemaPath);
        var segments = new List<RuleFieldPathSegment>(names.Count);
        SchemaNode? current = node;
        foreach (var name in names)
        {
            if (current is null)
            {
                segments.Add(new RuleFieldPathSegment(name, IsMapKey: false));
                continue;
            }

            if (current.Properties is not null && current.Properties.TryGetValue(name, out var property))
            {
                segments.Add(new RuleFieldPathSegment(name, IsMapKey: false));
                current = property;
            }
            else if (current.AdditionalProperties is not null)
            {
                segments.Add(new RuleFieldPathSegment(name, IsMapKey: true));
                current = current.AdditionalProperties;
            }
            else if (current.PreserveUnknownFields || current.AdditionalPropertiesAllowAny)
            {
                segments.Add(new RuleFieldPathSegment(name, IsMapKey: false));
                current = null;
            }
            else
            {
                throw Invalid(fieldPath, schemaPath, $"does not refer to a valid field: {name}");
            }
        }

        return segments;
    }

    private static List<string> Split(string fieldPath, string schemaPath)
    {
        var names = new List<string>();
        var position = 0;
        while (position < fieldPath.Length)
        {
            if (fieldPath[position] == '.')
            {
                var start = ++position;
                while (position < fieldPath.Length && fieldPath[position] is not ('.' or '['))
                {
                    position++;
                }

                if (position == start)
                {
                    throw Invalid(fieldPath, schemaPath, "empty field name");
                }

                names.Add(fieldPath[start..position]);
            }
            else if (fieldPath[position] == '[' && position + 1 < fieldPath.Length && fieldPath[position + 1] == '\'')
            {
                var end = fieldPath.IndexOf("']", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Invalid(fieldPath, schemaPath, "unterminated ['...'] segment");
                }

                names.Add(fieldPath[(position + 2)..end]);
                position = end + 2;
            }
            else
            {
                throw Invalid(fieldPath, schemaPath, "expected '.name' or ['name'] (list indexes are not supported)");
            }
        }

        return names;
    }

    private static SchemaDefinitionException Invalid(string fieldPath, string schemaPath, string detail) =>
        new(schemaPath, $"Invalid value: {GoFormat.Quote(fieldPath)}: fieldPath must be a valid path: {detail}");
}
