using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Skyforge.Operator.Tests.Packaging;

/// <summary>
/// Renders a chart template without helm, for the part of Go template syntax the RBAC templates use: <c>if</c>,
/// <c>with</c>, <c>else</c> and <c>end</c> on values, <c>{{ . }}</c>, <c>.Values.*</c>, <c>.Release.Namespace</c>,
/// <c>include</c> of a named template (whose output the test supplies) with an optional <c>| nindent N</c>, comments,
/// and whitespace trimming (<c>{{-</c>, <c>-}}</c>) as Go does it. Anything else throws, so a template that outgrows
/// this subset fails its test instead of rendering wrongly.
/// </summary>
internal sealed partial class ChartTemplateRenderer(JsonObject values, string releaseNamespace, IReadOnlyDictionary<string, string> includes)
{
    public string Render(string template)
    {
        var tokens = Tokenize(template);
        var index = 0;
        var output = new StringBuilder();
        var ending = RenderBlock(tokens, ref index, dot: null, output);
        return ending is null ? output.ToString() : throw new FormatException($"{{{{ {ending} }}}} without a block to close");
    }

    /// <summary>Renders until an unmatched <c>else</c> or <c>end</c>, which it returns (null at the template's end); a null output skips.</summary>
    private string? RenderBlock(IReadOnlyList<Token> tokens, ref int index, string? dot, StringBuilder? output)
    {
        while (index < tokens.Count)
        {
            var token = tokens[index++];
            if (!token.IsAction)
            {
                output?.Append(token.Text);
                continue;
            }
            var words = token.Text.Split(' ', 2, StringSplitOptions.TrimEntries);
            switch (words[0])
            {
                case "end" or "else" when words.Length == 1:
                    return words[0];
                case "if" or "with":
                    var value = Evaluate(words[1], dot);
                    var taken = value.Length > 0;
                    var ending = RenderBlock(tokens, ref index, words[0] == "with" && taken ? value : dot, taken ? output : null);
                    if (ending == "else")
                    {
                        ending = RenderBlock(tokens, ref index, dot, taken ? null : output);
                    }
                    if (ending != "end")
                    {
                        throw new FormatException($"{{{{ {token.Text} }}}} is never closed");
                    }
                    break;
                default:
                    if (!token.Text.StartsWith("/*", StringComparison.Ordinal))
                    {
                        output?.Append(Evaluate(token.Text, dot));
                    }
                    break;
            }
        }
        return null;
    }

    private string Evaluate(string expression, string? dot)
    {
        var stages = expression.Split('|', StringSplitOptions.TrimEntries);
        var value = Operand(stages[0], dot);
        foreach (var stage in stages.Skip(1))
        {
            var nindent = NindentStage().Match(stage);
            if (!nindent.Success)
            {
                throw new NotSupportedException($"the test renderer does not know the pipeline stage \"{stage}\"");
            }
            var indent = new string(' ', int.Parse(nindent.Groups["width"].Value, CultureInfo.InvariantCulture));
            value = "\n" + string.Join('\n', value.Split('\n').Select(line => indent + line));
        }
        return value;
    }

    private string Operand(string operand, string? dot)
    {
        if (operand == ".")
        {
            return dot ?? throw new NotSupportedException("the test renderer has no {{ . }} outside a with block");
        }
        if (operand == ".Release.Namespace")
        {
            return releaseNamespace;
        }
        if (operand.StartsWith(".Values.", StringComparison.Ordinal))
        {
            JsonNode? node = values;
            foreach (var key in operand[".Values.".Length..].Split('.'))
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child)
                    ? child
                    : throw new KeyNotFoundException($"{operand} is not in the values");
            }
            return node switch
            {
                null => "",
                JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
                JsonValue scalar when scalar.TryGetValue<bool>(out var flag) => flag ? "true" : "",
                JsonValue scalar => scalar.ToJsonString(),
                _ => throw new NotSupportedException($"the test renderer prints only scalar values, not {operand}"),
            };
        }
        var include = IncludeOfDot().Match(operand);
        if (include.Success)
        {
            var name = include.Groups["name"].Value;
            return includes.TryGetValue(name, out var text) ? text : throw new KeyNotFoundException($"the test supplies no output for include \"{name}\"");
        }
        throw new NotSupportedException($"the test renderer does not know {{{{ {operand} }}}}");
    }

    /// <summary>Text and actions in order, with the trim markers already applied to the neighbouring text.</summary>
    private static List<Token> Tokenize(string template)
    {
        var tokens = new List<Token>();
        var position = 0;
        var trimNextText = false;
        foreach (Match action in Action().Matches(template))
        {
            var text = template[position..action.Index];
            text = trimNextText ? text.TrimStart() : text;
            tokens.Add(new Token(false, action.Groups["left"].Success ? text.TrimEnd() : text));
            tokens.Add(new Token(true, action.Groups["body"].Value));
            trimNextText = action.Groups["right"].Success;
            position = action.Index + action.Length;
        }
        var rest = template[position..];
        tokens.Add(new Token(false, trimNextText ? rest.TrimStart() : rest));
        return tokens;
    }

    private sealed record Token(bool IsAction, string Text);

    [GeneratedRegex(@"\{\{(?<left>-\s)?\s*(?<body>.*?)\s*(?<right>\s-)?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();

    [GeneratedRegex(@"^nindent (?<width>\d+)$")]
    private static partial Regex NindentStage();

    [GeneratedRegex(@"^include ""(?<name>[^""]+)"" \.$")]
    private static partial Regex IncludeOfDot();
}
