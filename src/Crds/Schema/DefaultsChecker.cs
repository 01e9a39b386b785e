namespace Skyforge.Crds.Schema;

/// <summary>
/// Validates every <c>default</c> against its own schema (pruning, nested defaults, value validations and
/// rules), as the API server does when a CRD is written, so a bad default fails at parse time.
/// </summary>
internal static class DefaultsChecker
{
    public static void Check(SchemaNode node)
    {
        if (!node.HasDefaultsInSubtree)
        {
            return;
        }

        if (node.Default is not null)
        {
            var value = node.CreateDefault();
            var errors = ValidationPipeline.Run(value, node, node.ValuePath, oldValue: null, UnknownFieldHandling.Reject);
            if (errors.Count > 0)
            {
                var detail = string.Join("; ", errors.Errors.Select(error => error.ToString()));
                throw new SchemaDefinitionException($"{node.SchemaPath}.default", $"Invalid value: {BadValue.Of(node.Default)}: {detail}");
            }
        }

        foreach (var (_, property) in node.OrderedProperties)
        {
            Check(property);
        }

        if (node.AdditionalProperties is not null)
        {
            Check(node.AdditionalProperties);
        }

        if (node.Items is not null)
        {
            Check(node.Items);
        }
    }
}
