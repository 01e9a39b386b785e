namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

/// <summary>The CEL subset, exercised through rules on a schemaless <c>spec</c>.</summary>
public sealed class CelExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("10 - 2 - 3 == 5")]
    [InlineData("2 * 3 % 4 == 2")]
    [InlineData("7 / 2 == 3")]
    [InlineData("-7 / 2 == -3")]
    [InlineData("-7 % 3 == -1")]
    [InlineData("7.0 / 2.0 == 3.5")]
    [InlineData("-2 * 3 == -6")]
    [InlineData("--1 == 1")]
    [InlineData("!false && true")]
    [InlineData("!!true")]
    [InlineData("true || false && false")]
    [InlineData("false && true || true")]
    [InlineData("1 < 2 == true")]
    [InlineData("(false ? 1 : true ? 2 : 3) == 2")]
    [InlineData("1 + 1 == 2 ? true : false")]
    public void Operator_precedence_and_associativity(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("0x1F == 31")]
    [InlineData("1u + 2U == 3u")]
    [InlineData("1e3 == 1000.0")]
    [InlineData(".5 == 0.5")]
    [InlineData("9223372036854775807 > 0")]
    [InlineData("-9223372036854775808 < 0")]
    [InlineData("'it\\'s' == \"it's\"")]
    [InlineData("'\\x41\\u0042\\101' == 'ABA'")]
    [InlineData("'tab\\there'.contains('\\t')")]
    [InlineData("r'\\d+' == '\\\\d+'")]
    [InlineData("'''multi\nline''' == 'multi\\nline'")]
    [InlineData("null == null")]
    [InlineData("[1, 2, 3,] == [1, 2, 3]")]
    [InlineData("{'a': 1, 'b': 2,} == {'b': 2, 'a': 1}")]
    [InlineData("1 == 1.0 && 1u == 1 && 2.0 > 1 && 1u < 2")]
    [InlineData("1 != 'a' && [1] != [2] && {'a': 1} != {'a': 2}")]
    [InlineData("true // a comment")]
    public void Literals_and_equality(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("'abc'.startsWith('ab') && 'abc'.endsWith('bc') && 'abc'.contains('b')")]
    [InlineData("'abc'.matches('^a.c$') && matches('abc', 'b')")]
    [InlineData("'ABC-def'.lowerAscii() == 'abc-def' && 'abc'.upperAscii() == 'ABC'")]
    [InlineData("'héllo'.size() == 5 && size('abc') == 3")]
    [InlineData("'a,b,c'.split(',') == ['a', 'b', 'c'] && 'a,b,c'.split(',', 2) == ['a', 'b,c']")]
    [InlineData("['a', 'b'].join('-') == 'a-b' && ['a', 'b'].join() == 'ab'")]
    [InlineData("'  x '.trim() == 'x'")]
    [InlineData("'hello'.substring(1, 3) == 'el' && 'hello'.substring(3) == 'lo'")]
    [InlineData("'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l') == 3 && 'hello'.indexOf('z') == -1")]
    [InlineData("'hello'.replace('l', 'L') == 'heLLo' && 'hello'.replace('l', 'L', 1) == 'heLlo'")]
    [InlineData("'abc'.charAt(1) == 'b' && 'abc'.charAt(3) == ''")]
    [InlineData("'abc123'.find('[0-9]+') == '123' && 'abc'.find('[0-9]') == ''")]
    [InlineData("'aaa'.find('a+') == 'aaa' && 'aaa'.find('(?U)a+') == 'a' && 'aaa'.find('(?U)a+?') == 'aaa'")]
    [InlineData("'a' + 'b' == 'ab' && 'b' > 'a'")]
    public void String_functions(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("2 in [1, 2, 3] && !(5 in [1, 2])")]
    [InlineData("'a' in {'a': 1} && !('z' in {'a': 1})")]
    [InlineData("[1, 2] + [3] == [1, 2, 3]")]
    [InlineData("size([1, 2, 3]) == 3 && [1, 2, 3].size() == 3 && size({'a': 1}) == 1")]
    [InlineData("[1, 2, 3][1] == 2")]
    [InlineData("{'a': 1}['a'] == 1 && {'a': {'b': 2}}.a.b == 2 && {1: 'x'}[1] == 'x'")]
    [InlineData("[3, 1, 2].sum() == 6 && [3, 1, 2].min() == 1 && [3, 1, 2].max() == 3")]
    [InlineData("[1, 2, 3].isSorted() && ![2, 1].isSorted()")]
    [InlineData("[1, 2, 2].indexOf(2) == 1 && [1, 2, 2].lastIndexOf(2) == 2")]
    public void Lists_and_maps(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("[1, 2, 3].all(x, x > 0)")]
    [InlineData("![1, 2, 3].all(x, x > 1)")]
    [InlineData("[1, 2, 3].exists(x, x == 2)")]
    [InlineData("![1, 2, 3].exists(x, x == 5)")]
    [InlineData("[1, 2, 3].exists_one(x, x > 2)")]
    [InlineData("![1, 2, 3].exists_one(x, x > 1)")]
    [InlineData("[1, 2, 3].map(x, x * 2) == [2, 4, 6]")]
    [InlineData("[1, 2, 3].map(x, x > 1, x * 10) == [20, 30]")]
    [InlineData("[1, 2, 3].filter(x, x % 2 == 1) == [1, 3]")]
    [InlineData("{'a': 1, 'b': 2}.all(k, k in ['a', 'b'])")]
    [InlineData("{'a': 1, 'b': 2}.map(k, k) == ['a', 'b']")]
    [InlineData("[[1, 2], [3]].all(l, l.all(x, x > 0))")]
    [InlineData("[1, 2].all(x, [3, 4].all(y, x < y))")]
    [InlineData("[].all(x, false) && ![].exists(x, true)")]
    public void Comprehension_macros(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("int('42') == 42 && int(2.9) == 2 && int(-2.9) == -2 && int(3u) == 3")]
    [InlineData("uint(3) == 3u && double(1) == 1.0 && double('1.5') == 1.5")]
    [InlineData("string(1.5) == '1.5' && string(12) == '12' && string(true) == 'true' && string(1000000.0) == '1e+06'")]
    [InlineData("bool('true') && !bool('false') && dyn(1) == 1")]
    [InlineData("duration('1h') > duration('59m') && duration('1h30m') == duration('90m')")]
    [InlineData("string(duration('90s')) == '90s' && string(duration('1.5s')) == '1.5s'")]
    [InlineData("timestamp('2024-01-01T00:00:00Z') + duration('24h') == timestamp('2024-01-02T00:00:00Z')")]
    [InlineData("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z') == duration('24h')")]
    [InlineData("string(timestamp('2024-01-01T10:00:00+02:00')) == '2024-01-01T08:00:00Z'")]
    [InlineData("optional.of(1).hasValue() && !optional.none().hasValue() && optional.none().orValue(5) == 5 && optional.of(2).value() == 2")]
    public void Conversions_time_and_optionals(string rule)
    {
        Assert.Equal("true", EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("true || 1 / 0 == 1", "true")]
    [InlineData("1 / 0 == 1 || true", "true")]
    [InlineData("false && 1 / 0 == 1", "false")]
    [InlineData("1 / 0 == 1 && false", "false")]
    [InlineData("1 / 0 == 1 && true", "error: division by zero")]
    [InlineData("[0, 1].exists(x, 1 / x == 1)", "true")]
    [InlineData("[0, 1].all(x, 1 / x == 5)", "false")]
    [InlineData("[0, 1].all(x, 1 / x == 1)", "error: division by zero")]
    public void Logical_operators_absorb_errors_when_the_result_is_decided(string rule, string expected)
    {
        Assert.Equal(expected, EvaluateOnSpec(rule));
    }

    [Theory]
    [InlineData("1 / 0 == 0", "division by zero")]
    [InlineData("5 % 0 == 0", "modulus by zero")]
    [InlineData("9223372036854775807 + 1 > 0", "integer overflow")]
    [InlineData("-9223372036854775807 - 2 < 0", "integer overflow")]
    [InlineData("0u - 1u > 0u", "integer overflow")]
    [InlineData("[1][5] == 1", "index out of bounds: 5")]
    [InlineData("{'a': 1}['b'] == 1", "no such key: b")]
    [InlineData("self.missing == 1", "no such key: missing")]
    [InlineData("1 + 'a' == 2", "no such overload: _+_(int, string)")]
    [InlineData("1 + 1.0 == 2.0", "no such overload: _+_(int, double)")]
    [InlineData("'a' < 1", "no such overload: _<_(string, int)")]
    [InlineData("int('x') == 1", "cannot convert string 'x' to int")]
    [InlineData("int(1e30) == 1", "range error converting 1e+30 to int")]
    [InlineData("[1, 2].min() == [].min()", "min called on empty list")]
    [InlineData("'abc'.substring(2, 9) == ''", "index out of range: 9")]
    [InlineData("{'a': 1, 'a': 2}.size() == 1", "Failed with repeated key: a")]
    [InlineData("optional.none().value() == 1", "optional.none() dereference")]
    [InlineData("'abc'.matches(self.pattern)", "invalid regular expression: (")]
    [InlineData("1", "rule did not evaluate to a bool")]
    public void Runtime_errors_become_field_errors(string rule, string detail)
    {
        Assert.Equal("error: " + detail, EvaluateOnSpec(rule, """{"pattern":"("}"""));
    }

    [Theory]
    [InlineData("1 +")]
    [InlineData("self.")]
    [InlineData("(1")]
    [InlineData("'unterminated")]
    [InlineData("1 === 1")]
    [InlineData("1 ? 2")]
    [InlineData("frobnicate(1)")]
    [InlineData("self.x.frobnicate()")]
    [InlineData("size(1, 2)")]
    [InlineData("has(self)")]
    [InlineData("[1].all(1, true)")]
    [InlineData("[1].all(x)")]
    [InlineData("unknownVariable == 1")]
    [InlineData("let == 1")]
    [InlineData("b'bytes' == b'bytes'")]
    [InlineData("9223372036854775808 > 0")]
    [InlineData("'x'.matches('(?=x)')")]
    [InlineData("'x'.matches('(')")]
    [InlineData("'\\q' == 'q'")]
    public void Syntax_outside_the_subset_is_rejected_when_the_schema_is_parsed(string rule)
    {
        var failure = ParseFailure($$$"""
            {"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
              "x-kubernetes-validations":[{"rule":{{{Quoted(rule)}}} }]} }}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule", failure.SchemaPath);
        Assert.Contains("compilation failed: ERROR: <input>:1:", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_errors_name_the_problem_and_its_position()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
              "x-kubernetes-validations":[{"rule":"self.a == frob(1)"}]}}}
            """);

        Assert.Equal(
            "Invalid value: \"self.a == frob(1)\": compilation failed: ERROR: <input>:1:11: undeclared reference to 'frob' (in container '')",
            failure.Detail);
    }
}
