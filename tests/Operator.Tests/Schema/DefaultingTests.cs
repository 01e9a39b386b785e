namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class DefaultingTests
{
    private static readonly Skyforge.Crds.Schema.StructuralSchema Schema = Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","default":{},"properties":{
            "replicas":{"type":"integer","default":1},
            "engine":{"type":"string","default":"postgres"},
            "note":{"type":"string","nullable":true,"default":"n/a"},
            "resources":{"type":"object","properties":{"cpu":{"type":"string","default":"100m"}}},
            "backup":{"type":"object","default":{"enabled":true},"properties":{
              "enabled":{"type":"boolean"},
              "retentionDays":{"type":"integer","default":7}}},
            "ports":{"type":"array","items":{"type":"object","properties":{
              "port":{"type":"integer"},
              "protocol":{"type":"string","default":"TCP"}}}},
            "labels":{"type":"object","additionalProperties":{"type":"object","properties":{
              "value":{"type":"string","default":"x"}}}}}}}}
        """);

    [Fact]
    public void Absent_properties_get_their_defaults_recursively_from_a_defaulted_parent()
    {
        var obj = Json("{}");

        Assert.Empty(Errors(Schema, obj));

        Assert.Equal(
            """{"spec":{"replicas":1,"engine":"postgres","note":"n/a","backup":{"enabled":true,"retentionDays":7}}}""",
            obj.ToJsonString());
    }

    [Fact]
    public void Present_values_are_kept()
    {
        var obj = Json("""{"spec":{"replicas":3,"engine":"mysql","note":"hi","backup":{"enabled":false,"retentionDays":1}}}""");

        Assert.Empty(Errors(Schema, obj));

        Assert.Equal(3, obj["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("mysql", obj["spec"]!["engine"]!.GetValue<string>());
        Assert.False(obj["spec"]!["backup"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Defaults_apply_only_inside_objects_that_exist()
    {
        var without = Json("""{"spec":{}}""");
        var with = Json("""{"spec":{"resources":{}}}""");

        Errors(Schema, without);
        Errors(Schema, with);

        Assert.False(without["spec"]!.AsObject().ContainsKey("resources"));
        Assert.Equal("100m", with["spec"]!["resources"]!["cpu"]!.GetValue<string>());
    }

    [Fact]
    public void Non_nullable_null_is_replaced_by_the_default_but_nullable_null_is_kept()
    {
        var obj = Json("""{"spec":{"replicas":null,"note":null}}""");

        Assert.Empty(Errors(Schema, obj));

        Assert.Equal(1, obj["spec"]!["replicas"]!.GetValue<int>());
        Assert.True(obj["spec"]!.AsObject().ContainsKey("note"));
        Assert.Null(obj["spec"]!["note"]);
    }

    [Fact]
    public void Item_and_map_value_defaults_apply_to_each_entry()
    {
        var obj = Json("""{"spec":{"ports":[{"port":80},{"port":53,"protocol":"UDP"}],"labels":{"a":{},"b":{"value":"y"}}}}""");

        Assert.Empty(Errors(Schema, obj));

        Assert.Equal("TCP", obj["spec"]!["ports"]![0]!["protocol"]!.GetValue<string>());
        Assert.Equal("UDP", obj["spec"]!["ports"]![1]!["protocol"]!.GetValue<string>());
        Assert.Equal("x", obj["spec"]!["labels"]!["a"]!["value"]!.GetValue<string>());
        Assert.Equal("y", obj["spec"]!["labels"]!["b"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Defaulted_values_are_independent_copies()
    {
        var first = Json("{}");
        var second = Json("{}");
        Errors(Schema, first);
        Errors(Schema, second);

        first["spec"]!["backup"]!["enabled"] = false;

        Assert.True(second["spec"]!["backup"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Defaults_are_applied_before_validation()
    {
        var schema = WithSpec("""
            {"type":"object","required":["mode"],"properties":{"mode":{"type":"string","default":"fast","enum":["fast","safe"]}}}
            """);

        Assert.Empty(Errors(schema, """{"spec":{}}"""));
    }
}
