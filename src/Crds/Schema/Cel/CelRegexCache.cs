using System.Collections.Concurrent;

namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// Compiled RE2 patterns for <c>matches()</c>/<c>find()</c> whose pattern is computed at run time
/// (literal patterns are compiled with the rule). Bounded so hostile input cannot grow it without limit.
/// </summary>
internal static class CelRegexCache
{
    private const int Capacity = 256;

    private static readonly ConcurrentDictionary<string, Re2Pattern?> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern, or null when it is not valid RE2.</summary>
    public static Re2Pattern? Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        Re2Pattern? regex;
        try
        {
            regex = Re2Pattern.Compile(pattern);
        }
        catch (ArgumentException)
        {
            regex = null;
        }

        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return regex;
    }
}
