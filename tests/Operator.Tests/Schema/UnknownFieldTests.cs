using Skyforge.Crds.Schema;

namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class UnknownFieldTests
{
    private static readonly StructuralSchema Schema = Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "replicas":{"type":"integer"},
            "services":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
            "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"known":{"type":"object","properties":{"a":{"type":"string"}}}}},
            "tags":{"type":"object","additionalProperties":{"type":"string"}},
            "empty":{"type":"object"}}}}}
        """);

    [Fact]
    public void Reject_reports_each_unknown_field_by_path()
    {
        var errors = Errors(Schema, """
            {"apiVersion":"x/v1","kind":"Db","metadata":{"name":"db"},
             "spec":{"replicaz":2,"services":[{"name":"a"},{"name":"b","bogus":true}],"empty":{"x":1}},"statuz":{}}
            """);

        Assert.Equal(
            [
                "spec.replicaz: field not declared in schema",
                "spec.services[1].bogus: field not declared in schema",
                "spec.empty.x: field not declared in schema",
                "statuz: field not declared in schema",
            ],
            errors);
    }

    [Fact]
    public void Prune_removes_unknown_fields_silently()
    {
        var obj = Json("""{"spec":{"replicaz":2,"services":[{"name":"b","bogus":true}]},"statuz":{}}""");

        Assert.Empty(Errors(Schema, obj, unknownFields: UnknownFieldHandling.Prune));

        Assert.Equal("""{"spec":{"services":[{"name":"b"}]}}""", obj.ToJsonString());
    }

    [Fact]
    public void Resource_root_fields_are_always_kept()
    {
        var obj = Json("""{"apiVersion":"x/v1","kind":"Db","metadata":{"name":"db","namespace":"ns","labels":{"a":"b"},"finalizers":["f"]}}""");

        Assert.Empty(Errors(Schema, obj));
        Assert.Empty(Errors(Schema, obj, unknownFields: UnknownFieldHandling.Prune));

        Assert.Equal("""{"apiVersion":"x/v1","kind":"Db","metadata":{"name":"db","namespace":"ns","labels":{"a":"b"},"finalizers":["f"]}}""", obj.ToJsonString());
    }

    [Fact]
    public void Unknown_metadata_fields_are_rejected_or_pruned()
    {
        var rejected = Errors(Schema, """{"metadata":{"name":"db","labelz":{}}}""");
        var pruned = Json("""{"metadata":{"name":"db","labelz":{}}}""");
        Errors(Schema, pruned, unknownFields: UnknownFieldHandling.Prune);

        Assert.Equal(["metadata.labelz: field not declared in schema"], rejected);
        Assert.Equal("""{"metadata":{"name":"db"}}""", pruned.ToJsonString());
    }

    [Fact]
    public void Preserve_unknown_fields_keeps_unknown_fields_but_prunes_inside_declared_ones()
    {
        var obj = Json("""{"spec":{"extra":{"anything":{"deep":[1]},"known":{"a":"x","b":"y"}}}}""");

        Assert.Empty(Errors(Schema, obj, unknownFields: UnknownFieldHandling.Prune));

        Assert.Equal("""{"spec":{"extra":{"anything":{"deep":[1]},"known":{"a":"x"}}}}""", obj.ToJsonString());
    }

    [Fact]
    public void Map_keys_are_not_unknown_fields()
    {
        Assert.Empty(Errors(Schema, """{"spec":{"tags":{"any-key":"v","another.key/x":"w"}}}"""));
    }

    [Fact]
    public void Reject_leaves_the_object_otherwise_unchanged()
    {
        var obj = Json("""{"spec":{"replicaz":2}}""");

        Errors(Schema, obj);

        Assert.Equal("""{"spec":{"replicaz":2}}""", obj.ToJsonString());
    }
}
