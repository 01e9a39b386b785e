namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

/// <summary>CRD patterns are Go RE2, whose semantics differ from .NET regular expressions in places.</summary>
public sealed class Re2PatternTests
{
    [Theory]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "\u0663", false)]
    [InlineData("^\\w+$", "abc_1", true)]
    [InlineData("^\\w+$", "\u00e9", false)]
    [InlineData("^\\s$", "\u00a0", false)]
    [InlineData("^[\\D]+$", "\u0663x", true)]
    [InlineData("^a$", "a\n", false)]
    [InlineData("(?m)^a$", "b\na", true)]
    [InlineData("^(?i)abc$", "ABC", true)]
    [InlineData("^(?i:a)b$", "AB", false)]
    [InlineData("^(?s).$", "\n", true)]
    [InlineData("^.$", "\n", false)]
    [InlineData("^(?P<word>[a-z]+)-(?<num>[0-9]+)$", "abc-12", true)]
    [InlineData("^\\pL+$", "h\u00e9llo", true)]
    [InlineData("^\\p{Lu}", "abc", false)]
    [InlineData("^[[:alpha:]][[:alnum:]_-]*$", "a1_-", true)]
    [InlineData("^[[:digit:]]+$", "12a", false)]
    [InlineData("^\\Q*.+\\E$", "*.+", true)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("^a{,2}$", "a{,2}", true)]
    [InlineData("^\\x41\\x{42}$", "AB", true)]
    [InlineData("^[^]a]+$", "bc", true)]
    [InlineData("^[a-]+$", "a-a", true)]
    [InlineData("^[a-z-[0-9]]+$", "[]]", true)]
    [InlineData("^[a-z-[0-9]]+$", "a", false)]
    [InlineData("\\Aab\\z", "ab", true)]
    [InlineData("\\bfoo\\b", "a foo b", true)]
    [InlineData("\\bfoo\\b", "afoob", false)]
    [InlineData("^([a-z0-9]([-a-z0-9]*[a-z0-9])?)$", "my-db-1", true)]
    public void Patterns_follow_re2_semantics(string pattern, string value, bool matches)
    {
        var schema = WithSpec($$$"""{"type":"object","properties":{"v":{"type":"string","pattern":{{{Quoted(pattern)}}} }} }""");

        var errors = Errors(schema, $$$"""{"spec":{"v":{{{Quoted(value)}}} }}""");

        Assert.Equal(matches, errors.Count == 0);
    }

    [Theory]
    [InlineData("(?=a)")]
    [InlineData("(?!a)")]
    [InlineData("(?<=a)b")]
    [InlineData("(?<!a)b")]
    [InlineData("(?>a)")]
    [InlineData("(a)\\1")]
    [InlineData("a**")]
    [InlineData("a++")]
    [InlineData("*a")]
    [InlineData("a{1001}")]
    [InlineData("a{3,2}")]
    [InlineData("[z-a]")]
    [InlineData("\\Z")]
    [InlineData("\\y")]
    [InlineData("\\p{Greek}")]
    [InlineData("[a")]
    [InlineData("a)")]
    public void Constructs_re2_rejects_fail_at_parse(string pattern)
    {
        var failure = ParseFailure($$$"""{"type":"object","properties":{"v":{"type":"string","pattern":{{{Quoted(pattern)}}} }} }""");

        Assert.Equal("openAPIV3Schema.properties[v].pattern", failure.SchemaPath);
        Assert.Contains("must be a valid regular expression", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Catastrophic_backtracking_patterns_run_in_linear_time()
    {
        var schema = WithSpec("""{"type":"object","properties":{"v":{"type":"string","pattern":"^(a+)+$"}}}""");
        var hostile = new string('a', 50_000) + "!";

        var errors = Errors(schema, $$"""{"spec":{"v":"{{hostile}}"} }""");

        Assert.Single(errors);
    }
}
