using Skyforge.Crds.Schema;

namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class SchemaEdgeCaseTests
{
    [Fact]
    public void Nullable_enum_fields_accept_null_only_when_the_enum_lists_it()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "listed":{"type":"string","nullable":true,"enum":["a",null]},
              "unlisted":{"type":"string","nullable":true,"enum":["a"]}}}
            """);

        Assert.Equal(
            ["spec.unlisted: Unsupported value: \"null\": supported values: \"a\""],
            Errors(schema, """{"spec":{"listed":null,"unlisted":null}}"""));
    }

    [Fact]
    public void Additional_properties_true_accepts_any_key_and_value()
    {
        var schema = WithSpec("""{"type":"object","properties":{"free":{"type":"object","additionalProperties":true}}}""");
        var obj = Json("""{"spec":{"free":{"a":{"b":[1,"x"]},"c":null}}}""");

        Assert.Empty(Errors(schema, obj, unknownFields: UnknownFieldHandling.Prune));
        Assert.Equal("""{"spec":{"free":{"a":{"b":[1,"x"]},"c":null}}}""", obj.ToJsonString());
    }

    [Fact]
    public void Map_type_must_be_granular_or_atomic_on_objects()
    {
        var unknown = ParseFailure("""{"type":"object","properties":{"m":{"type":"object","x-kubernetes-map-type":"merged"}}}""");
        var onString = ParseFailure("""{"type":"object","properties":{"m":{"type":"string","x-kubernetes-map-type":"atomic"}}}""");

        Assert.Equal("openAPIV3Schema.properties[m].x-kubernetes-map-type", unknown.SchemaPath);
        Assert.Equal("openAPIV3Schema.properties[m].x-kubernetes-map-type", onString.SchemaPath);
        Assert.Empty(Errors(Parse("""{"type":"object","properties":{"m":{"type":"object","x-kubernetes-map-type":"atomic"}}}"""), """{"m":{}}"""));
    }

    [Fact]
    public void Small_and_large_floats_print_like_go()
    {
        var schema = WithSpec("""{"type":"object","properties":{"f":{"type":"number","minimum":0.001},"g":{"type":"number","maximum":0.5}}}""");

        Assert.Equal(
            [
                "spec.f: Invalid value: 1e-05: spec.f in body should be greater than or equal to 0.001",
                "spec.g: Invalid value: 1.5e+20: spec.g in body should be less than or equal to 0.5",
            ],
            Errors(schema, """{"spec":{"f":0.00001,"g":1.5e20}}"""));
    }

    [Fact]
    public void Root_rules_may_read_generate_name_even_when_metadata_declares_only_name()
    {
        var schema = Parse("""
            {"type":"object","x-kubernetes-validations":[{"rule":"!has(self.metadata.generateName) || self.metadata.generateName.endsWith('-')"}],
             "properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":20}}}}}
            """);

        Assert.Empty(Errors(schema, """{"metadata":{"generateName":"db-"}}"""));
        Assert.Single(Errors(schema, """{"metadata":{"generateName":"db"}}"""));
    }

    [Fact]
    public void Embedded_resources_expose_kind_to_rules()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,
              "x-kubernetes-preserve-unknown-fields":true,
              "x-kubernetes-validations":[{"rule":"self.kind == 'ConfigMap' && self.metadata.name != ''","message":"templates must be named ConfigMaps"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}}}"""));
        Assert.Equal(
            ["spec.template: Invalid value: \"object\": templates must be named ConfigMaps"],
            Errors(schema, """{"spec":{"template":{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}}}"""));
    }

    [Fact]
    public void Rules_on_int_or_string_report_an_empty_type()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,
              "x-kubernetes-validations":[{"rule":"self != 0","message":"port must not be 0"}]}}}
            """);

        Assert.Equal(["spec.port: Invalid value: \"\": port must not be 0"], Errors(schema, """{"spec":{"port":0}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"port":"http"}}"""));
    }

    [Fact]
    public void Map_rules_iterate_keys_and_test_membership()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"},
              "x-kubernetes-validations":[
                {"rule":"self.all(k, !k.startsWith('kubernetes.io/'))","message":"reserved prefix"},
                {"rule":"'app' in self && self['app'] == self.app","message":"app label required"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"labels":{"app":"db"}}}"""));
        Assert.Equal(
            ["spec.labels: Invalid value: \"object\": reserved prefix", "spec.labels: Invalid value: \"object\": app label required"],
            Errors(schema, """{"spec":{"labels":{"kubernetes.io/x":"y"}}}"""));
    }

    [Fact]
    public void Has_is_true_for_a_present_null_and_false_for_an_absent_field()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"note":{"type":"string","nullable":true}},
             "x-kubernetes-validations":[{"rule":"has(self.note)","message":"note must be present"}]}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"note":null}}"""));
        Assert.Equal(["spec: Invalid value: \"object\": note must be present"], Errors(schema, """{"spec":{}}"""));
    }

    [Fact]
    public void Transition_rules_skip_old_values_that_are_null()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"size":{"type":"integer","nullable":true,
              "x-kubernetes-validations":[{"rule":"self >= oldSelf","message":"size cannot shrink"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"size":1}}""", """{"spec":{"size":null}}"""));
        Assert.Single(Errors(schema, """{"spec":{"size":1}}""", """{"spec":{"size":2}}"""));
    }

    [Fact]
    public void Rule_definition_mistakes_are_reported_with_their_path()
    {
        var messageExpression = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"true","messageExpression":"'a' +"}]}""");
        var optionalOldSelf = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"true","optionalOldSelf":true}]}""");
        var inJunctor = ParseFailure("""
            {"type":"object","properties":{"a":{"type":"string"}},"anyOf":[{"x-kubernetes-validations":[{"rule":"true"}]}]}
            """);
        var emptyRule = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"  "}]}""");
        var multiLineMessage = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"true","message":"a\nb"}]}""");

        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].messageExpression", messageExpression.SchemaPath);
        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].optionalOldSelf", optionalOldSelf.SchemaPath);
        Assert.Equal("openAPIV3Schema.anyOf[0].x-kubernetes-validations", inJunctor.SchemaPath);
        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].rule", emptyRule.SchemaPath);
        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].message", multiLineMessage.SchemaPath);
    }

    [Fact]
    public void Set_lists_concatenate_as_unions_in_rules()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"},
              "x-kubernetes-validations":[{"rule":"size(self + ['a']) == size(self) + (('a' in self) ? 0 : 1)","message":"union"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"tags":["a","b"]}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"tags":["b"]}}"""));
    }
}
