using System.Text.RegularExpressions;

namespace Skyforge.Crds.Schema;

/// <summary>
/// A checked RE2 pattern whose non-backtracking matcher is built on first use. A
/// <see cref="RegexOptions.NonBacktracking"/> regex keeps about 180 KiB of automaton caches alive, and a process
/// that parses every CRD evaluates only the patterns of the fields its objects actually set; holding all of them
/// cost the operator about 19 MiB of its idle heap.
/// </summary>
internal sealed class Re2Pattern
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private readonly Lazy<Regex> _regex;

    private Re2Pattern(string translated) =>
        _regex = new Lazy<Regex>(() => new Regex(translated, Options), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// Translates and checks an RE2 pattern; throws <see cref="ArgumentException"/> naming the problem. The
    /// matcher built for the check is dropped, so an unused pattern costs only its text.
    /// </summary>
    public static Re2Pattern Compile(string pattern)
    {
        var translated = Re2Translator.Translate(pattern);
        try
        {
            _ = new Regex(translated, Options);
        }
        catch (NotSupportedException exception)
        {
            throw new ArgumentException($"unsupported regular expression: {exception.Message}", nameof(pattern), exception);
        }

        return new Re2Pattern(translated);
    }

    public bool IsMatch(string text) => _regex.Value.IsMatch(text);

    public Match Match(string text) => _regex.Value.Match(text);
}
