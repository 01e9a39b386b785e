using Skyforge.Crds.Schema;

namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

/// <summary>How <c>x-kubernetes-validations</c> rules run against typed schemas, like the API server runs them.</summary>
public sealed class ValidationRuleTests
{
    private static readonly StructuralSchema Database = Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object",
            "x-kubernetes-validations":[
              {"rule":"!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
               "message":"minReplicas must be less than or equal to maxReplicas"}],
            "properties":{
              "engine":{"type":"string","enum":["postgres","mysql"],
                "x-kubernetes-validations":[{"rule":"self == oldSelf","message":"engine is immutable"}]},
              "minReplicas":{"type":"integer"},
              "maxReplicas":{"type":"integer","default":3},
              "storageGiB":{"type":"integer","x-kubernetes-validations":[
                {"rule":"self >= oldSelf","message":"storage can only grow"}]}}}}}
        """);

    [Fact]
    public void Cross_field_rule_reports_the_declaring_node_with_its_type()
    {
        Assert.Empty(Errors(Database, """{"spec":{"engine":"postgres","minReplicas":1}}"""));
        Assert.Empty(Errors(Database, """{"spec":{"engine":"postgres"}}"""));
        Assert.Equal(
            ["spec: Invalid value: \"object\": minReplicas must be less than or equal to maxReplicas"],
            Errors(Database, """{"spec":{"engine":"postgres","minReplicas":5,"maxReplicas":4}}"""));
    }

    [Fact]
    public void Rules_see_defaulted_values()
    {
        Assert.Equal(
            ["spec: Invalid value: \"object\": minReplicas must be less than or equal to maxReplicas"],
            Errors(Database, """{"spec":{"engine":"postgres","minReplicas":4}}"""));
    }

    [Fact]
    public void Transition_rules_run_only_on_update()
    {
        Assert.Empty(Errors(Database, """{"spec":{"engine":"mysql","storageGiB":1}}"""));
        Assert.Empty(Errors(Database, """{"spec":{"engine":"mysql"}}""", oldObjectJson: """{"spec":{"engine":"mysql"}}"""));
        Assert.Equal(
            ["spec.engine: Invalid value: \"string\": engine is immutable"],
            Errors(Database, """{"spec":{"engine":"mysql"}}""", oldObjectJson: """{"spec":{"engine":"postgres"}}"""));
    }

    [Fact]
    public void Transition_rules_skip_fields_absent_from_the_old_object()
    {
        Assert.Empty(Errors(Database, """{"spec":{"engine":"mysql","storageGiB":5}}""", oldObjectJson: """{"spec":{"engine":"mysql"}}"""));
        Assert.Equal(
            ["spec.storageGiB: Invalid value: \"integer\": storage can only grow"],
            Errors(Database, """{"spec":{"engine":"mysql","storageGiB":5}}""", oldObjectJson: """{"spec":{"engine":"mysql","storageGiB":10}}"""));
    }

    [Fact]
    public void Whole_object_equality_with_old_self_is_deep()
    {
        var schema = WithSpec("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"spec is immutable"}],
             "properties":{"a":{"type":"object","properties":{"b":{"type":"array","items":{"type":"number"}}}},"c":{"type":"string"}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"c":"x","a":{"b":[1,2.5]}}}""", """{"spec":{"a":{"b":[1.0,2.5]},"c":"x"}}"""));
        Assert.Equal(
            ["spec: Invalid value: \"object\": spec is immutable"],
            Errors(schema, """{"spec":{"a":{"b":[1,2]},"c":"x"}}""", """{"spec":{"a":{"b":[2,1]},"c":"x"}}"""));
    }

    [Fact]
    public void Set_and_map_lists_compare_without_order()
    {
        var schema = WithSpec("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self == oldSelf"}],
             "properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"tags":["a","b"]}}""", """{"spec":{"tags":["b","a"]}}"""));
        Assert.Single(Errors(schema, """{"spec":{"tags":["a","b"]}}""", """{"spec":{"tags":["a","c"]}}"""));
    }

    [Fact]
    public void Optional_old_self_runs_on_create_too()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"version":{"type":"integer","x-kubernetes-validations":[
              {"rule":"!oldSelf.hasValue() || self >= oldSelf.value()","optionalOldSelf":true,"message":"version cannot go back"},
              {"rule":"oldSelf.hasValue() || self == 1","optionalOldSelf":true,"message":"start at version 1"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"version":1}}"""));
        Assert.Equal(["spec.version: Invalid value: \"integer\": start at version 1"], Errors(schema, """{"spec":{"version":2}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"version":3}}""", """{"spec":{"version":2}}"""));
        Assert.Equal(
            ["spec.version: Invalid value: \"integer\": version cannot go back"],
            Errors(schema, """{"spec":{"version":1}}""", """{"spec":{"version":2}}"""));
    }

    [Fact]
    public void Map_list_items_are_correlated_with_their_old_version_by_key()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"disks":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","properties":{"name":{"type":"string"},
                "sizeGiB":{"type":"integer","x-kubernetes-validations":[{"rule":"self >= oldSelf","message":"disks cannot shrink"}]}}}}}}
            """);

        var errors = Errors(
            schema,
            """{"spec":{"disks":[{"name":"new","sizeGiB":1},{"name":"data","sizeGiB":5}]}}""",
            """{"spec":{"disks":[{"name":"data","sizeGiB":10}]}}""");

        Assert.Equal(["spec.disks[1].sizeGiB: Invalid value: \"integer\": disks cannot shrink"], errors);
    }

    [Fact]
    public void Map_values_are_correlated_by_key()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"limits":{"type":"object","additionalProperties":{"type":"integer",
              "x-kubernetes-validations":[{"rule":"self >= oldSelf","message":"limits cannot shrink"}]}}}}
            """);

        Assert.Equal(
            ["spec.limits[cpu]: Invalid value: \"integer\": limits cannot shrink"],
            Errors(schema, """{"spec":{"limits":{"cpu":1,"memory":9}}}""", """{"spec":{"limits":{"cpu":2}}}"""));
    }

    [Fact]
    public void Rules_on_list_items_report_the_item_path()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"services":{"type":"array","items":{"type":"object",
              "x-kubernetes-validations":[{"rule":"self.port != 22","message":"port 22 is reserved"}],
              "properties":{"port":{"type":"integer"}}}}}}
            """);

        Assert.Equal(
            ["spec.services[1]: Invalid value: \"object\": port 22 is reserved"],
            Errors(schema, """{"spec":{"services":[{"port":80},{"port":22}]}}"""));
    }

    [Fact]
    public void Field_path_reason_and_message_expression_shape_the_error()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"replicas":{"type":"integer"},"tags":{"type":"object","additionalProperties":{"type":"string"}}},
             "x-kubernetes-validations":[
               {"rule":"self.replicas <= 10","fieldPath":".replicas","messageExpression":"'replicas ' + string(self.replicas) + ' exceeds 10'"},
               {"rule":"!has(self.tags) || !('owner' in self.tags)","fieldPath":".tags['owner']","reason":"FieldValueForbidden","message":"owner is set by the operator"},
               {"rule":"has(self.replicas)","reason":"FieldValueRequired","message":"replicas is required"},
               {"rule":"self.replicas > 0","reason":"FieldValueDuplicate"}]}
            """);

        Assert.Equal(
            [
                "spec.replicas: Invalid value: \"object\": replicas 12 exceeds 10",
                "spec.tags[owner]: Forbidden: owner is set by the operator",
            ],
            Errors(schema, """{"spec":{"replicas":12,"tags":{"owner":"me"}}}"""));
        Assert.Equal(
            ["spec: Required value: replicas is required", "spec: Invalid value: \"object\": rule evaluation error: no such key: replicas"],
            Errors(schema, """{"spec":{}}""").Skip(1).ToList());
        Assert.Equal(["spec: Duplicate value: \"object\""], Errors(schema, """{"spec":{"replicas":0}}"""));
    }

    [Fact]
    public void Message_expression_falls_back_to_the_message_when_it_fails()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"n":{"type":"integer"}},
             "x-kubernetes-validations":[{"rule":"self.n < 5","message":"n too big","messageExpression":"string(self.n / 0)"}]}
            """);

        Assert.Equal(["spec: Invalid value: \"object\": n too big"], Errors(schema, """{"spec":{"n":7}}"""));
    }

    [Fact]
    public void Rules_without_a_message_quote_the_rule()
    {
        var schema = WithSpec("""{"type":"object","properties":{"a":{"type":"integer"}},"x-kubernetes-validations":[{"rule":"self.a > 0"}]}""");

        Assert.Equal(["spec: Invalid value: \"object\": failed rule: self.a > 0"], Errors(schema, """{"spec":{"a":0}}"""));
    }

    [Fact]
    public void Blocking_errors_skip_all_rules()
    {
        var schema = WithSpec("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self.a > 100","message":"a too small"}],
             "properties":{"a":{"type":"integer"},"b":{"type":"string","maxLength":2},"c":{"type":"string","enum":["x"]}}}
            """);
        const string skipped = "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

        Assert.Equal(
            ["spec.b: Too long: may not be more than 2 bytes", skipped],
            Errors(schema, """{"spec":{"a":1,"b":"long"}}"""));
        Assert.Equal(
            ["spec.c: Unsupported value: \"y\": supported values: \"x\"", skipped],
            Errors(schema, """{"spec":{"a":1,"c":"y"}}"""));
        Assert.Equal(
            ["spec.a: Invalid value: \"string\": spec.a in body must be of type integer: \"string\"", skipped],
            Errors(schema, """{"spec":{"a":"1"}}"""));
    }

    [Fact]
    public void Non_blocking_errors_still_run_rules()
    {
        var schema = WithSpec("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self.a > 100","message":"a too small"}],
             "properties":{"a":{"type":"integer","minimum":50}}}
            """);

        Assert.Equal(
            ["spec.a: Invalid value: 1: spec.a in body should be greater than or equal to 50", "spec: Invalid value: \"object\": a too small"],
            Errors(schema, """{"spec":{"a":1}}"""));
    }

    [Fact]
    public void Rules_are_not_evaluated_on_null_values()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{"note":{"type":"string","nullable":true,"x-kubernetes-validations":[{"rule":"self.size() > 3"}]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"note":null}}"""));
        Assert.Single(Errors(schema, """{"spec":{"note":"ab"}}"""));
    }

    [Fact]
    public void Typed_values_follow_the_schema()
    {
        var schema = WithSpec("""
            {"type":"object","properties":{
              "ratio":{"type":"number"},
              "port":{"x-kubernetes-int-or-string":true},
              "timeout":{"type":"string","format":"duration"},
              "expiresAt":{"type":"string","format":"date-time"},
              "x-y":{"type":"string"}},
             "x-kubernetes-validations":[
               {"rule":"self.ratio == 2.0 && self.ratio > 1","message":"ratio"},
               {"rule":"self.port == 80 || self.port == 'http'","message":"port"},
               {"rule":"self.timeout < duration('2m')","message":"timeout"},
               {"rule":"self.expiresAt > timestamp('2020-01-01T00:00:00Z')","message":"expiresAt"},
               {"rule":"self.x__dash__y == 'z'","message":"escaped"}]}
            """);

        Assert.Empty(Errors(schema, """{"spec":{"ratio":2,"port":80,"timeout":"90s","expiresAt":"2030-01-01T00:00:00Z","x-y":"z"}}"""));
        Assert.Empty(Errors(schema, """{"spec":{"ratio":2,"port":"http","timeout":"1m","expiresAt":"2030-01-01T00:00:00Z","x-y":"z"}}"""));
    }

    [Fact]
    public void Root_rules_see_api_version_kind_and_metadata_name()
    {
        var schema = Parse("""
            {"type":"object","x-kubernetes-validations":[
              {"rule":"self.metadata.name.startsWith('db-')","message":"names start with db-"},
              {"rule":"self.kind == 'Database'","message":"kind"}],
             "properties":{"spec":{"type":"object"}}}
            """);

        Assert.Empty(Errors(schema, """{"apiVersion":"x/v1","kind":"Database","metadata":{"name":"db-1"}}"""));
        Assert.Equal(
            ["<nil>: Invalid value: \"object\": names start with db-"],
            Errors(schema, """{"apiVersion":"x/v1","kind":"Database","metadata":{"name":"web"}}"""));
    }

    [Fact]
    public void Selecting_an_undeclared_field_is_a_compile_error()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer"}},
              "x-kubernetes-validations":[{"rule":"self.replicaz > 0"}]}}}
            """);
        var scalar = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer",
              "x-kubernetes-validations":[{"rule":"self.value > 0"}]}}}}}
            """);
        var metadata = ParseFailure("""{"type":"object","x-kubernetes-validations":[{"rule":"self.metadata.labels.size() > 0"}]}""");

        Assert.Contains("undefined field 'replicaz'", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("type 'int' does not support field selection", scalar.Detail, StringComparison.Ordinal);
        Assert.Contains("undefined field 'labels'", metadata.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Macro_variables_are_typed_by_the_item_schema()
    {
        var failure = ParseFailure("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"ports":{"type":"array",
              "items":{"type":"object","properties":{"port":{"type":"integer"}}}}},
              "x-kubernetes-validations":[{"rule":"self.ports.all(p, p.prot > 0)"}]}}}
            """);
        var schema = WithSpec("""
            {"type":"object","properties":{"ports":{"type":"array","items":{"type":"object","properties":{"port":{"type":"integer"}}}}},
             "x-kubernetes-validations":[{"rule":"self.ports.all(p, p.port > 0)","message":"ports must be positive"}]}
            """);

        Assert.Contains("undefined field 'prot'", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(["spec: Invalid value: \"object\": ports must be positive"], Errors(schema, """{"spec":{"ports":[{"port":1},{"port":0}]}}"""));
    }
}
