using System.Text.Json.Nodes;

namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class ValueValidationTests
{
    [Fact]
    public void Wrong_types_are_reported_with_the_actual_json_type()
    {
        var schema = WithSpec("""{"type":"object","properties":{"replicas":{"type":"integer"},"name":{"type":"string"},"on":{"type":"boolean"}}}""");

        var errors = Errors(schema, """{"spec":{"replicas":"three","name":5,"on":"yes"}}""");

        Assert.Equal(
            [
                "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"",
                "spec.name: Invalid value: \"integer\": spec.name in body must be of type string: \"integer\"",
                "spec.on: Invalid value: \"string\": spec.on in body must be of type boolean: \"string\"",
            ],
            errors);
    }

    [Fact]
    public void Object_and_array_mismatches_are_type_errors()
    {
        var schema = WithSpec("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"string"}}}}""");

        Assert.Equal(["spec: Invalid value: \"array\": spec in body must be of type object: \"array\""], Errors(schema, """{"spec":[]}"""));
        Assert.Equal(
            ["spec.list: Invalid value: \"object\": spec.list in body must be of type array: \"object\""],
            Errors(schema, """{"spec":{"list":{}}}"""));
    }

    [Fact]
    public void Integral_floats_are_integers_and_integers_are_numbers()
    {
        var schema = WithSpec("""{"type":"object","properties":{"replicas":{"type":"integer"},"ratio":{"type":"number"}}}""");

        Assert.Empty(Errors(schema, """{"spec":{"replicas":3.0,"ratio":2}}"""));
        Assert.Equal(
            ["spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\""],
            Errors(schema, """{"spec":{"replicas":1.5}}"""));
    }

    [Fact]
    public void Values_built_in_code_are_typed_like_their_json()
    {
        var schema = WithSpec("""{"type":"object","properties":{"replicas":{"type":"integer","maximum":5},"ratio":{"type":"number"}}}""");
        var obj = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 7, ["ratio"] = 0.5 } };

        Assert.Equal(["spec.replicas: Invalid value: 7: spec.replicas in body should be less than or equal to 5"], Errors(schema, obj));
    }

    [Fact]
    public void Non_nullable_nulls_in_objects_are_dropped_like_the_api_server_decoder_does()
    {
        var schema = WithSpec("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""");
        var obj = Json("""{"spec":{"name":null}}""");

        var errors = Errors(schema, obj);

        Assert.Equal(["spec.name: Required value"], errors);
        Assert.False(obj["spec"]!.AsObject().ContainsKey("name"));
    }

    [Fact]
    public void Null_list_items_are_type_errors_unless_nullable()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "strict":{"type":"array","items":{"type":"string"}},
              "loose":{"type":"array","items":{"type":"string","nullable":true}}}}
            """);

        Assert.Equal(
            ["spec.strict[1]: Invalid value: \"null\": spec.strict[1] in body must be of type string: \"null\""],
            Errors(schema, """{"spec":{"strict":["a",null],"loose":["a",null]}}"""));
    }

    [Fact]
    public void Nullable_fields_keep_null()
    {
        var schema = WithSpec("""{"type":"object","properties":{"note":{"type":"string","nullable":true}}}""");
        var obj = Json("""{"spec":{"note":null}}""");

        Assert.Empty(Errors(schema, obj));
        Assert.True(obj["spec"]!.AsObject().ContainsKey("note"));
    }

    [Fact]
    public void Enum_violations_list_the_supported_values()
    {
        var schema = WithSpec("""{"type":"object","properties":{"engine":{"type":"string","enum":["postgres","mysql"]},"size":{"type":"integer","enum":[1,2]}}}""");

        Assert.Equal(
            [
                "spec.engine: Unsupported value: \"oracle\": supported values: \"postgres\", \"mysql\"",
                "spec.size: Unsupported value: 3: supported values: \"1\", \"2\"",
            ],
            Errors(schema, """{"spec":{"engine":"oracle","size":3}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"engine":"mysql","size":2}}"""));
    }

    [Fact]
    public void Missing_required_fields_are_reported_by_path()
    {
        var schema = Parse("""
            {"type":"object","required":["spec"],"properties":{"spec":{"type":"object","required":["engine","size"],
              "properties":{"engine":{"type":"string"},"size":{"type":"integer"}}}}}
            """);

        Assert.Equal(["spec: Required value"], Errors(schema, "{}"));
        Assert.Equal(["spec.engine: Required value", "spec.size: Required value"], Errors(schema, """{"spec":{}}"""));
    }

    [Theory]
    [InlineData("""{"maximum":15}""", 16, "spec.n: Invalid value: 16: spec.n in body should be less than or equal to 15")]
    [InlineData("""{"maximum":15,"exclusiveMaximum":true}""", 15, "spec.n: Invalid value: 15: spec.n in body should be less than 15")]
    [InlineData("""{"minimum":1}""", 0, "spec.n: Invalid value: 0: spec.n in body should be greater than or equal to 1")]
    [InlineData("""{"minimum":0,"exclusiveMinimum":true}""", 0, "spec.n: Invalid value: 0: spec.n in body should be greater than 0")]
    [InlineData("""{"multipleOf":5}""", 12, "spec.n: Invalid value: 12: spec.n in body should be a multiple of 5")]
    public void Integer_bounds(string keywords, long value, string expected)
    {
        var property = "{\"type\":\"integer\"," + keywords[1..];
        var schema = WithSpec("{\"type\":\"object\",\"properties\":{\"n\":" + property + "}}");

        Assert.Equal([expected], Errors(schema, $$$"""{"spec":{"n":{{{value}}} }}"""));
    }

    [Fact]
    public void Bounds_at_the_limit_are_valid()
    {
        var schema = WithSpec("""{"type":"object","properties":{"n":{"type":"integer","minimum":1,"maximum":15,"multipleOf":5}}}""");

        Assert.Empty(Errors(schema, """{"spec":{"n":15}}"""));
    }

    [Fact]
    public void Float_bounds_print_go_style_numbers()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "ratio":{"type":"number","maximum":2},
              "step":{"type":"number","multipleOf":0.5},
              "big":{"type":"number","maximum":1000000}}}
            """);

        Assert.Equal(
            [
                "spec.big: Invalid value: 1.0000005e+06: spec.big in body should be less than or equal to 1e+06",
                "spec.ratio: Invalid value: 2.5: spec.ratio in body should be less than or equal to 2",
                "spec.step: Invalid value: 1.25: spec.step in body should be a multiple of 0.5",
            ],
            Errors(schema, """{"spec":{"ratio":2.5,"step":1.25,"big":1000000.5}}""").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Multiple_numeric_violations_are_all_reported_multiple_of_first()
    {
        var schema = WithSpec("""{"type":"object","properties":{"n":{"type":"integer","minimum":10,"multipleOf":4}}}""");

        Assert.Equal(
            [
                "spec.n: Invalid value: 3: spec.n in body should be a multiple of 4",
                "spec.n: Invalid value: 3: spec.n in body should be greater than or equal to 10",
            ],
            Errors(schema, """{"spec":{"n":3}}"""));
    }

    [Fact]
    public void String_length_counts_characters_and_stops_at_the_first_violation()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "name":{"type":"string","maxLength":5,"pattern":"^[a-z]+$"},
              "code":{"type":"string","minLength":3},
              "initial":{"type":"string","maxLength":1}}}
            """);

        Assert.Equal(
            [
                "spec.name: Too long: may not be more than 5 bytes",
                "spec.code: Invalid value: \"ab\": spec.code in body should be at least 3 chars long",
                "spec.initial: Too long: may not be more than 1 byte",
            ],
            Errors(schema, """{"spec":{"name":"ABCDEFG","code":"ab","initial":"xy"}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"name":"hello","code":"abc","initial":"é"}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"code":"日本語","initial":"日"}}"""));
    }

    [Fact]
    public void Pattern_mismatch_quotes_the_pattern()
    {
        var schema = WithSpec("""{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z]+$"}}}""");

        Assert.Equal(
            ["spec.name: Invalid value: \"abc1\": spec.name in body should match '^[a-z]+$'"],
            Errors(schema, """{"spec":{"name":"abc1"}}"""));
    }

    [Fact]
    public void Item_counts()
    {
        var schema = WithSpec("""{"type":"object","properties":{"list":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"integer"}},"one":{"type":"array","maxItems":1,"items":{"type":"integer"}}}}""");

        Assert.Equal(["spec.list: Invalid value: 0: spec.list in body should have at least 1 items"], Errors(schema, """{"spec":{"list":[]}}"""));
        Assert.Equal(
            ["spec.list: Too many: 3: must have at most 2 items", "spec.one: Too many: 2: must have at most 1 item"],
            Errors(schema, """{"spec":{"list":[1,2,3],"one":[1,2]}}"""));
    }

    [Fact]
    public void Item_errors_carry_their_index_and_come_before_the_count_error()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"services":{"type":"array","maxItems":2,"items":{"type":"object",
              "properties":{"autoscaling":{"type":"object","properties":{"maxReplicas":{"type":"integer","maximum":10}}}}}}}}
            """);

        Assert.Equal(
            [
                "spec.services[1].autoscaling.maxReplicas: Invalid value: 11: spec.services[1].autoscaling.maxReplicas in body should be less than or equal to 10",
                "spec.services: Too many: 3: must have at most 2 items",
            ],
            Errors(schema, """{"spec":{"services":[{},{"autoscaling":{"maxReplicas":11}},{}]}}"""));
    }

    [Fact]
    public void Map_values_are_validated_with_bracketed_keys()
    {
        var schema = WithSpec("""{"type":"object","properties":{"tags":{"type":"object","additionalProperties":{"type":"string","maxLength":3}}}}""");

        Assert.Equal(
            [
                "spec.tags[env]: Invalid value: \"integer\": spec.tags[env] in body must be of type string: \"integer\"",
                "spec.tags[team]: Too long: may not be more than 3 bytes",
            ],
            Errors(schema, """{"spec":{"tags":{"env":5,"team":"platform","ok":"yes"}}}"""));
    }

    [Fact]
    public void Property_counts_stop_further_checks_of_that_object()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"tags":{"type":"object","minProperties":1,"maxProperties":2,
              "additionalProperties":{"type":"string"}}}}
            """);

        Assert.Equal(["spec.tags: Invalid value: 0: spec.tags in body should have at least 1 properties"], Errors(schema, """{"spec":{"tags":{}}}"""));
        Assert.Equal(["spec.tags: Too many: 3: must have at most 2 items"], Errors(schema, """{"spec":{"tags":{"a":1,"b":2,"c":3}}}"""));
    }

    [Fact]
    public void Int_or_string_accepts_both_and_nothing_else()
    {
        var schema = WithSpec("""{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true}}}""");

        Assert.Empty(Errors(schema, """{"spec":{"port":80}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"port":"http"}}"""));
        Assert.Equal(
            ["spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\""],
            Errors(schema, """{"spec":{"port":true}}"""));
    }

    [Theory]
    [InlineData("date-time", "2024-05-01T10:00:00Z", true)]
    [InlineData("date-time", "2024-05-01t10:00:00.123+02:00", true)]
    [InlineData("date-time", "2024-13-01T10:00:00Z", false)]
    [InlineData("date-time", "yesterday", false)]
    [InlineData("date", "2024-02-29", true)]
    [InlineData("date", "2023-02-29", false)]
    [InlineData("duration", "1h30m", true)]
    [InlineData("duration", "3 days", true)]
    [InlineData("duration", "soon", false)]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("uuid", "not-a-uuid", false)]
    [InlineData("ipv4", "10.0.0.1", true)]
    [InlineData("ipv4", "10.0.0.256", false)]
    [InlineData("ipv6", "fe80::1", true)]
    [InlineData("cidr", "10.0.0.0/16", true)]
    [InlineData("cidr", "10.0.0.0/33", false)]
    [InlineData("byte", "aGVsbG8=", true)]
    [InlineData("byte", "not base64!", false)]
    [InlineData("hostname", "db.example.com", true)]
    [InlineData("hostname", "-bad-.example.com", false)]
    [InlineData("email", "ops@example.com", true)]
    [InlineData("uri", "https://example.com/x", true)]
    [InlineData("uri", "not a uri", false)]
    [InlineData("made-up-format", "anything", true)]
    public void String_formats(string format, string value, bool valid)
    {
        var schema = WithSpec($$$"""{"type":"object","properties":{"v":{"type":"string","format":"{{{format}}}"} } }""");

        var errors = Errors(schema, $$$"""{"spec":{"v":{{{Quoted(value)}}} }}""");

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([$"spec.v: Invalid value: {Quoted(value)}: spec.v in body must be of type {format}: {Quoted(value)}"], errors);
        }
    }

    [Fact]
    public void Int32_format_rejects_values_outside_the_int32_range()
    {
        var schema = WithSpec("""{"type":"object","properties":{"n":{"type":"integer","format":"int32"},"m":{"type":"integer","format":"int64"}}}""");

        Assert.Empty(Errors(schema, """{"spec":{"n":2147483647,"m":3000000000}}"""));
        Assert.Equal(
            ["spec.n: Invalid value: 3000000000: spec.n in body must be of type int32: \"3000000000\""],
            Errors(schema, """{"spec":{"n":3000000000}}"""));
    }

    [Fact]
    public void Any_of_reports_the_junctor_and_the_closest_branch()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
             "anyOf":[{"required":["a"]},{"required":["b"]}]}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"b":"x"}}"""));
        Assert.Equal(
            ["<nil>: Invalid value: \"\": \"spec\" must validate at least one schema (anyOf)", "spec.a: Required value"],
            Errors(schema, """{"spec":{}}"""));
    }

    [Fact]
    public void One_of_requires_exactly_one_branch()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},
             "oneOf":[{"required":["a"]},{"required":["b"]}]}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"a":"x"}}"""));
        Assert.Equal(
            ["<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives"],
            Errors(schema, """{"spec":{"a":"x","b":"y"}}"""));
        Assert.Equal(
            ["<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid", "spec.a: Required value"],
            Errors(schema, """{"spec":{}}"""));
    }

    [Fact]
    public void All_of_and_not()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"name":{"type":"string","allOf":[{"minLength":2},{"maxLength":4}],"not":{"enum":["root"]}}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"name":"app"}}"""));
        Assert.Equal(
            [
                "spec.name: Too long: may not be more than 4 bytes",
                "<nil>: Invalid value: \"\": \"spec.name\" must validate all the schemas (allOf)",
            ],
            Errors(schema, """{"spec":{"name":"toolong"}}"""));
        Assert.Equal(
            ["<nil>: Invalid value: \"\": \"spec.name\" must not validate the schema (not)"],
            Errors(schema, """{"spec":{"name":"root"}}"""));
    }

    [Fact]
    public void Root_metadata_name_restrictions_apply_but_other_metadata_is_accepted()
    {
        var schema = Parse("""
            {"type":"object","properties":{
              "metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":10}}},
              "spec":{"type":"object"}}}
            """);

        Assert.Empty(Errors(schema, """{"apiVersion":"x/v1","kind":"Db","metadata":{"name":"db","labels":{"app":"x"},"annotations":{"a":"b"}},"spec":{}}"""));
        Assert.Equal(
            ["metadata.name: Too long: may not be more than 10 bytes"],
            Errors(schema, """{"metadata":{"name":"much-too-long-name"}}"""));
    }

    [Fact]
    public void Embedded_resources_keep_object_fields_and_need_kind_and_api_version()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,
              "x-kubernetes-preserve-unknown-fields":true}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{}}}}"""));
        Assert.Equal(
            ["spec.template.kind: Required value: must not be empty", "spec.template.apiVersion: Required value: must not be empty"],
            Errors(schema, """{"spec":{"template":{"metadata":{}}}}"""));
    }
}
