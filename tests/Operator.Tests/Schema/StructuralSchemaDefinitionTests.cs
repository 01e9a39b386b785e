namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class StructuralSchemaDefinitionTests
{
    [Fact]
    public void Root_must_be_an_object()
    {
        var failure = ParseFailure("""{"type":"string"}""");

        Assert.Equal("openAPIV3Schema.type", failure.SchemaPath);
        Assert.Equal("openAPIV3Schema.type: Unsupported value: \"string\": supported values: \"object\"", failure.Message);
    }

    [Fact]
    public void Every_node_needs_a_type()
    {
        var failure = ParseFailure("""{"type":"object","properties":{"spec":{"properties":{}}}}""");

        Assert.Equal("openAPIV3Schema.properties[spec].type", failure.SchemaPath);
        Assert.StartsWith("Required value: must not be empty", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Int_or_string_and_preserve_unknown_fields_nodes_need_no_type()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "port":{"x-kubernetes-int-or-string":true},
              "extra":{"x-kubernetes-preserve-unknown-fields":true}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"port":"http","extra":{"anything":[1,2]}}}"""));
    }

    [Theory]
    [InlineData("$ref", "\"#/definitions/x\"")]
    [InlineData("definitions", "{}")]
    [InlineData("dependencies", "{}")]
    [InlineData("patternProperties", "{}")]
    [InlineData("id", "\"x\"")]
    [InlineData("readOnly", "true")]
    [InlineData("writeOnly", "true")]
    [InlineData("xml", "{}")]
    [InlineData("deprecated", "true")]
    [InlineData("discriminator", "\"kind\"")]
    public void Keywords_the_api_server_forbids_are_rejected_naming_the_path(string keyword, string value)
    {
        var failure = ParseFailure($$$"""{"type":"object","properties":{"spec":{"type":"object","{{{keyword}}}":{{{value}}} }} }""");

        Assert.Equal($"openAPIV3Schema.properties[spec].{keyword}", failure.SchemaPath);
        Assert.StartsWith("Forbidden:", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_keywords_are_rejected()
    {
        var failure = ParseFailure("""{"type":"object","requried":["spec"]}""");

        Assert.Equal("openAPIV3Schema.requried", failure.SchemaPath);
    }

    [Fact]
    public void Unique_items_true_is_rejected()
    {
        var failure = ParseFailure("""{"type":"object","properties":{"tags":{"type":"array","uniqueItems":true,"items":{"type":"string"}}}}""");

        Assert.Equal("openAPIV3Schema.properties[tags].uniqueItems", failure.SchemaPath);
    }

    [Fact]
    public void Additional_properties_false_is_rejected()
    {
        var failure = ParseFailure("""{"type":"object","properties":{"spec":{"type":"object","additionalProperties":false}}}""");

        Assert.Equal("openAPIV3Schema.properties[spec].additionalProperties", failure.SchemaPath);
        Assert.Equal("Forbidden: additionalProperties cannot be set to false", failure.Detail);
    }

    [Fact]
    public void Properties_and_additional_properties_are_mutually_exclusive()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object",
              "properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].additionalProperties", failure.SchemaPath);
        Assert.Contains("mutual exclusive", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrays_need_items()
    {
        var failure = ParseFailure("""{"type":"object","properties":{"list":{"type":"array"}}}""");

        Assert.Equal("openAPIV3Schema.properties[list].items", failure.SchemaPath);
        Assert.Equal("Required value: must be specified", failure.Detail);
    }

    [Fact]
    public void Preserve_unknown_fields_false_is_rejected()
    {
        var failure = ParseFailure("""{"type":"object","x-kubernetes-preserve-unknown-fields":false}""");

        Assert.Equal("openAPIV3Schema.x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined", failure.Message);
    }

    [Fact]
    public void Int_or_string_nodes_must_not_set_a_type()
    {
        var failure = ParseFailure("""{"type":"object","properties":{"port":{"type":"string","x-kubernetes-int-or-string":true}}}""");

        Assert.Equal("openAPIV3Schema.properties[port].type", failure.SchemaPath);
    }

    [Fact]
    public void Junctors_may_not_introduce_types()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},
              "anyOf":[{"type":"object"}]}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].anyOf[0].type", failure.SchemaPath);
    }

    [Fact]
    public void Junctors_may_not_introduce_fields_or_defaults()
    {
        var newField = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},
              "oneOf":[{"properties":{"b":{"maxLength":2}}}]}}}
            """);
        var withDefault = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},
              "allOf":[{"properties":{"a":{"default":"x"}}}]}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].oneOf[0].properties[b]", newField.SchemaPath);
        Assert.Equal("openAPIV3Schema.properties[spec].allOf[0].properties[a].default", withDefault.SchemaPath);
    }

    [Fact]
    public void Int_or_string_may_use_the_typed_any_of_idiom()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,
              "anyOf":[{"type":"integer"},{"type":"string"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"port":8080}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"port":"http"}}"""));
    }

    [Fact]
    public void Root_metadata_may_only_restrict_name_and_generate_name()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[metadata]", failure.SchemaPath);
        Assert.Contains("must not specify anything other than name and generateName", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_not_allowed_at_the_root()
    {
        var failure = ParseFailure("""{"type":"object","default":{}}""");

        Assert.Equal("openAPIV3Schema.default", failure.SchemaPath);
    }

    [Fact]
    public void Invalid_defaults_are_rejected_when_the_schema_is_parsed()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "replicas":{"type":"integer","maximum":5,"default":9}}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].properties[replicas].default", failure.SchemaPath);
        Assert.Equal(
            "Invalid value: 9: spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5",
            failure.Detail);
    }

    [Fact]
    public void Defaults_with_unknown_fields_are_rejected()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","default":{"replcas":1},
              "properties":{"replicas":{"type":"integer"}}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].default", failure.SchemaPath);
        Assert.Contains("spec.replcas: field not declared in schema", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_lists_need_scalar_key_properties()
    {
        var noKeys = ParseFailure("""
            {"type":"object","properties":{"c":{"type":"array","x-kubernetes-list-type":"map",
              "items":{"type":"object","properties":{"type":{"type":"string"}}}}}}
            """);
        var unknownKey = ParseFailure("""
            {"type":"object","properties":{"c":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","properties":{"type":{"type":"string"}}}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[c].x-kubernetes-list-map-keys", noKeys.SchemaPath);
        Assert.Equal("openAPIV3Schema.properties[c].x-kubernetes-list-map-keys", unknownKey.SchemaPath);
    }

    [Fact]
    public void Sets_need_scalar_items()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"s":{"type":"array","x-kubernetes-list-type":"set",
              "items":{"type":"object","properties":{"a":{"type":"string"}}}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[s].items.type", failure.SchemaPath);
    }

    [Fact]
    public void Invalid_re2_patterns_are_rejected()
    {
        var lookahead = ParseFailure("""{"type":"object","properties":{"name":{"type":"string","pattern":"^(?=a)a$"}}}""");
        var backreference = ParseFailure("""{"type":"object","properties":{"name":{"type":"string","pattern":"(a)\\1"}}}""");
        var unbalanced = ParseFailure("""{"type":"object","properties":{"name":{"type":"string","pattern":"(a"}}}""");

        Assert.Equal("openAPIV3Schema.properties[name].pattern", lookahead.SchemaPath);
        Assert.Equal("openAPIV3Schema.properties[name].pattern", backreference.SchemaPath);
        Assert.Equal("openAPIV3Schema.properties[name].pattern", unbalanced.SchemaPath);
    }

    [Fact]
    public void Unknown_validation_rule_fields_and_reasons_are_rejected()
    {
        var unknownField = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"true","severity":"high"}]}""");
        var badReason = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"true","reason":"Nope"}]}""");

        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].severity", unknownField.SchemaPath);
        Assert.Equal("openAPIV3Schema.x-kubernetes-validations[0].reason", badReason.SchemaPath);
    }

    [Fact]
    public void Rule_field_paths_must_name_declared_fields()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"integer"}},
              "x-kubernetes-validations":[{"rule":"true","fieldPath":".b"}]}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[spec].x-kubernetes-validations[0].fieldPath", failure.SchemaPath);
    }

    [Fact]
    public void Transition_rules_are_rejected_where_old_values_cannot_be_correlated()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"list":{"type":"array","items":{"type":"string",
              "x-kubernetes-validations":[{"rule":"self == oldSelf"}]}}}}
            """);

        Assert.Equal("openAPIV3Schema.properties[list].items.x-kubernetes-validations[0].rule", failure.SchemaPath);
        Assert.Contains("oldSelf cannot be used on the uncorrelatable portion of the schema", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_parsing_does_not_mutate_or_retain_the_input()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"n":{"type":"integer","default":1}}}}}
            """)!;
        var schema = Skyforge.Crds.Schema.StructuralSchema.Parse(json);
        json["properties"]!["spec"]!["properties"]!["n"]!["default"] = 99;

        var obj = Json("""{"spec":{}}""");
        Assert.Empty(schema.Validate(obj));
        Assert.Equal(1, obj["spec"]!["n"]!.GetValue<int>());
    }
}
