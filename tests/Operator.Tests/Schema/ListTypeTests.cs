namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class ListTypeTests
{
    private static readonly Skyforge.Crds.Schema.StructuralSchema Schema = Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
            "sizes":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"number"}},
            "history":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}},
            "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port","protocol"],
              "items":{"type":"object","required":["port"],"properties":{
                "port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"}}}}}},
          "status":{"type":"object","properties":{
            "conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],
              "items":{"type":"object","properties":{"type":{"type":"string"},"status":{"type":"string"}}}}}}}}
        """);

    [Fact]
    public void Set_duplicates_are_reported_once_at_the_second_occurrence()
    {
        Assert.Equal(
            ["spec.tags[2]: Duplicate value: \"a\""],
            Errors(Schema, """{"spec":{"tags":["a","b","a","a"]}}"""));
    }

    [Fact]
    public void Atomic_lists_allow_duplicates()
    {
        Assert.Empty(Errors(Schema, """{"spec":{"history":["a","a"]}}"""));
    }

    [Fact]
    public void Integer_and_float_set_items_are_distinct()
    {
        Assert.Empty(Errors(Schema, """{"spec":{"sizes":[1,1.0]}}"""));
        Assert.Equal(["spec.sizes[1]: Duplicate value: 1.5"], Errors(Schema, """{"spec":{"sizes":[1.5,1.5]}}"""));
    }

    [Fact]
    public void Map_list_duplicate_keys_print_the_key_fields()
    {
        Assert.Equal(
            ["status.conditions[1]: Duplicate value: {\"type\":\"Ready\"}"],
            Errors(Schema, """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Ready","status":"False"},{"type":"Synced"}]}}"""));
    }

    [Fact]
    public void Map_list_keys_compare_after_defaulting()
    {
        Assert.Equal(
            ["spec.ports[1]: Duplicate value: {\"port\":80,\"protocol\":\"TCP\"}"],
            Errors(Schema, """{"spec":{"ports":[{"port":80},{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"}]}}"""));
    }

    [Fact]
    public void Map_list_items_missing_the_single_key_collide_with_each_other()
    {
        Assert.Equal(
            ["status.conditions[1]: Duplicate value: {}"],
            Errors(Schema, """{"status":{"conditions":[{"status":"True"},{"status":"False"}]}}"""));
    }
}
