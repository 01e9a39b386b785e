using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;

namespace Skyforge.TestKit.ApiServer.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c>: comma-separated requirements (AND) of the forms
/// <c>k</c>, <c>!k</c>, <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>.
/// </summary>
internal sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements)
    {
        _requirements = requirements;
    }

    public bool IsEmpty => _requirements.Count == 0;

    /// <exception cref="ApiException">400 when the selector does not parse.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var term in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(term.Trim(), text));
        }
        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject? labels)
    {
        foreach (var requirement in _requirements)
        {
            var present = labels is not null && labels.TryGetPropertyValue(requirement.Key, out var node) && node is not null;
            var value = present ? labels![requirement.Key]!.ToString() : null;
            var ok = requirement.Operator switch
            {
                Operator.Exists => present,
                Operator.DoesNotExist => !present,
                Operator.In => present && requirement.Values.Contains(value!),
                Operator.NotIn => !present || !requirement.Values.Contains(value!),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static Requirement ParseRequirement(string term, string whole)
    {
        if (term.Length == 0)
        {
            throw Invalid(whole, "empty requirement");
        }
        if (term.StartsWith('!'))
        {
            return new Requirement(CheckKey(term[1..].Trim(), whole), Operator.DoesNotExist, []);
        }
        var notEquals = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEquals > 0)
        {
            return new Requirement(CheckKey(term[..notEquals].Trim(), whole), Operator.NotIn, [term[(notEquals + 2)..].Trim()]);
        }
        var equals = term.IndexOf('=');
        if (equals > 0)
        {
            var valueStart = term.Length > equals + 1 && term[equals + 1] == '=' ? equals + 2 : equals + 1;
            return new Requirement(CheckKey(term[..equals].Trim(), whole), Operator.In, [term[valueStart..].Trim()]);
        }
        var parts = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return new Requirement(CheckKey(parts[0], whole), Operator.Exists, []);
        }
        var rest = parts[1];
        var op = rest.StartsWith("notin", StringComparison.Ordinal) ? Operator.NotIn
            : rest.StartsWith("in", StringComparison.Ordinal) ? Operator.In
            : throw Invalid(whole, $"unknown operator in \"{term}\"");
        var list = rest[(op == Operator.NotIn ? 5 : 2)..].Trim();
        if (!list.StartsWith('(') || !list.EndsWith(')'))
        {
            throw Invalid(whole, "found '" + list + "', expected: '('");
        }
        var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Requirement(CheckKey(parts[0], whole), op, values);
    }

    private static string CheckKey(string key, string whole) =>
        key.Length == 0 || key.Any(char.IsWhiteSpace) ? throw Invalid(whole, $"invalid label key \"{key}\"") : key;

    private static ApiException Invalid(string selector, string why) =>
        ApiErrors.BadRequest($"unable to parse requirement: {why} in label selector \"{selector}\"");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }

    private enum Operator
    {
        Exists,
        DoesNotExist,
        In,
        NotIn,
    }

    private sealed record Requirement(string Key, Operator Operator, IReadOnlyList<string> Values);
}
