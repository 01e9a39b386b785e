using System.Text.Json.Nodes;
using Skyforge.Crds.Schema.Cel;

namespace Skyforge.Crds.Schema;

/// <summary>
/// Evaluates <c>x-kubernetes-validations</c> top-down: each node's rules with <c>self</c> bound to its value,
/// then its children. Old values are matched through properties, map keys and list-type map keys;
/// transition rules run only where such an old value exists (or when <c>optionalOldSelf</c> is set).
/// </summary>
internal static class RuleRunner
{
    public static void Validate(JsonNode? value, SchemaNode schema, FieldPath path, OldValue old, ErrorCollector errors)
    {
        // Rules never see null: rules about a nullable value belong on the enclosing object.
        if (value is null || !schema.HasRulesInSubtree)
        {
            return;
        }

        if (schema.Rules.Count > 0)
        {
            EvaluateRules(value, schema, path, old, errors);
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var property = schema.Property(key);
                    var childSchema = property ?? schema.AdditionalProperties;
                    if (childSchema is null || !childSchema.HasRulesInSubtree)
                    {
                        continue;
                    }

                    var oldChild = childSchema.HasTransitionRulesInSubtree && old.Node is JsonObject oldObject
                        && oldObject.TryGetPropertyValue(key, out var previous)
                        ? OldValue.Of(previous)
                        : OldValue.Absent;
                    Validate(child, childSchema, property is null ? path.Key(key) : path.Child(key), oldChild, errors);
                }

                break;
            case JsonArray array when schema.Items is { HasRulesInSubtree: true } items:
                var oldItems = items.HasTransitionRulesInSubtree && schema.ListType == "map" && old.Node is JsonArray oldArray
                    ? IndexByMapKeys(oldArray, schema.ListMapKeys)
                    : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var oldItem = oldItems is not null && array[i] is JsonObject item
                        && oldItems.TryGetValue(ListTypeValidator.MapKeyOf(item, schema.ListMapKeys), out var previousItem)
                        ? OldValue.Of(previousItem)
                        : OldValue.Absent;
                    Validate(array[i], items, path.Index(i), oldItem, errors);
                }

                break;
        }
    }

    private static void EvaluateRules(JsonNode value, SchemaNode schema, FieldPath path, OldValue old, ErrorCollector errors)
    {
        var self = CelValues.FromJson(value, schema, schema.IsResourceRoot);
        object? oldSelf = null;
        foreach (var rule in schema.Rules)
        {
            object oldArgument = CelNull.Value;
            if (rule.IsTransitionRule)
            {
                if (old.Present)
                {
                    oldSelf ??= CelValues.FromJson(old.Node, schema, schema.IsResourceRoot);
                    oldArgument = rule.OptionalOldSelf ? CelOptional.Of(oldSelf) : oldSelf;
                }
                else if (rule.OptionalOldSelf)
                {
                    oldArgument = CelOptional.None;
                }
                else
                {
                    continue;
                }
            }

            switch (rule.Program.Evaluate(self, oldArgument))
            {
                case true:
                    break;
                case false:
                    ReportFailure(rule, schema, path, self, oldArgument, errors);
                    break;
                case CelError error:
                    errors.Invalid(path, BadValue.Of(schema.RuleBadValue), $"rule evaluation error: {error.Message}");
                    break;
                default:
                    errors.Invalid(path, BadValue.Of(schema.RuleBadValue), "rule evaluation error: rule did not evaluate to a bool");
                    break;
            }
        }
    }

    private static void ReportFailure(ValidationRule rule, SchemaNode schema, FieldPath path, object self, object oldSelf, ErrorCollector errors)
    {
        var failurePath = path;
        foreach (var segment in rule.FieldPath)
        {
            failurePath = segment.IsMapKey ? failurePath.Key(segment.Name) : failurePath.Child(segment.Name);
        }

        var message = rule.DefaultMessage;
        if (rule.MessageExpression?.Evaluate(self, oldSelf) is string computed
            && computed.Trim().Length > 0 && !computed.Contains('\n', StringComparison.Ordinal))
        {
            message = computed;
        }

        switch (rule.Reason)
        {
            case RuleFailureReason.FieldValueForbidden:
                errors.Forbidden(failurePath, message);
                break;
            case RuleFailureReason.FieldValueRequired:
                errors.Required(failurePath, message);
                break;
            case RuleFailureReason.FieldValueDuplicate:
                errors.Duplicate(failurePath, BadValue.Of(schema.RuleBadValue));
                break;
            default:
                errors.Invalid(failurePath, BadValue.Of(schema.RuleBadValue), message);
                break;
        }
    }

    private static Dictionary<string, JsonNode?> IndexByMapKeys(JsonArray array, IReadOnlyList<string> keys)
    {
        var index = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is JsonObject obj)
            {
                index.TryAdd(ListTypeValidator.MapKeyOf(obj, keys), obj);
            }
        }

        return index;
    }
}
