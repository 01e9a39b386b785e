using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Requests;

/// <summary>
/// An immutable label selector: built term by term, printed in the API's <c>labelSelector</c> syntax,
/// and evaluated locally against cached objects with the same meaning the API server gives it.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    /// <summary>Selects every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Selects objects carrying every one of <paramref name="labels"/>.</summary>
    public static LabelSelector FromLabels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var selector = Everything;
        foreach (var (key, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            selector = selector.Equal(key, value);
        }
        return selector;
    }

    /// <summary>Converts a <c>metav1.LabelSelector</c> (matchLabels and matchExpressions).</summary>
    /// <exception cref="ArgumentException">An expression uses an operator the API does not define.</exception>
    public static LabelSelector FromModel(MetaLabelSelector model)
    {
        var selector = FromLabels(model.MatchLabels ?? new Dictionary<string, string>());
        foreach (var expression in model.MatchExpressions ?? [])
        {
            var values = expression.Values ?? [];
            selector = expression.Operator switch
            {
                "In" => selector.In(expression.Key, values),
                "NotIn" => selector.NotIn(expression.Key, values),
                "Exists" => selector.Exists(expression.Key),
                "DoesNotExist" => selector.DoesNotExist(expression.Key),
                _ => throw new ArgumentException($"unknown label selector operator \"{expression.Operator}\"", nameof(model)),
            };
        }
        return selector;
    }

    public LabelSelector Equal(string key, string value) => With(key, LabelOperator.Equals, [CheckedValue(value)]);

    public LabelSelector NotEqual(string key, string value) => With(key, LabelOperator.NotEquals, [CheckedValue(value)]);

    public LabelSelector In(string key, IEnumerable<string> values) => With(key, LabelOperator.In, SortedValues(values));

    public LabelSelector NotIn(string key, IEnumerable<string> values) => With(key, LabelOperator.NotIn, SortedValues(values));

    public LabelSelector Exists(string key) => With(key, LabelOperator.Exists, []);

    public LabelSelector DoesNotExist(string key) => With(key, LabelOperator.DoesNotExist, []);

    /// <summary>True when every requirement holds for <paramref name="labels"/> (no labels = empty set).</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => string.Join(",", Requirements);

    private LabelSelector With(string key, LabelOperator @operator, IReadOnlyList<string> values)
    {
        CheckKey(key);
        return new LabelSelector([.. Requirements, new LabelRequirement(key, @operator, values)]);
    }

    private static string[] SortedValues(IEnumerable<string> values)
    {
        var sorted = values.Select(CheckedValue).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return sorted.Length > 0 ? sorted : throw new ArgumentException("'in' and 'notin' need at least one value", nameof(values));
    }

    // Keys and values use a restricted alphabet (DNS-like names with an optional prefix); anything that
    // would change how the selector string parses is rejected here rather than by the server.
    private static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw new ArgumentException($"invalid label key \"{key}\"", nameof(key));
        }
    }

    private static string CheckedValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"invalid label value \"{value}\"", nameof(value));
        }
        return value;
    }
}
