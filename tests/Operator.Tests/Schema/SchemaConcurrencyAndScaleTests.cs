using System.Text.Json.Nodes;
using Skyforge.Crds.Schema;

namespace Skyforge.Operator.Tests.Schema;

using static SchemaTestSupport;

public sealed class SchemaConcurrencyAndScaleTests
{
    private static readonly StructuralSchema Schema = Parse("""
        {"type":"object","properties":{"spec":{"type":"object",
          "x-kubernetes-validations":[{"rule":"self.services.all(s, s.port > 0)","message":"ports must be positive"}],
          "properties":{"services":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
            "items":{"type":"object","required":["name"],"properties":{
              "name":{"type":"string","pattern":"^[a-z0-9-]+$","maxLength":63},
              "port":{"type":"integer","minimum":0,"maximum":65535},
              "protocol":{"type":"string","enum":["TCP","UDP"],"default":"TCP"},
              "tags":{"type":"object","additionalProperties":{"type":"string"}}}}}}}}}
        """);

    [Fact]
    public void One_schema_validates_many_objects_in_parallel_with_identical_results()
    {
        static JsonObject Build(int seed) => Json($$$"""
            {"spec":{"services":[{"name":"svc-{{{seed}}}","port":{{{seed % 3}}} },{"name":"svc-{{{seed}}}","port":{{{70000 + seed}}} }]}}
            """);
        var expected = Enumerable.Range(0, 64).Select(seed => Errors(Schema, Build(seed))).ToList();

        var actual = new List<string>[64];
        Parallel.For(0, 64 * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var seed = i % 64;
            actual[seed] = Errors(Schema, Build(seed));
        });

        for (var seed = 0; seed < 64; seed++)
        {
            Assert.Equal(expected[seed], actual[seed]);
        }

        Assert.Contains("spec.services[1]: Duplicate value: {\"name\":\"svc-0\"}", expected[0]);
    }

    [Fact]
    public void Large_objects_report_every_error_with_its_index()
    {
        var services = new JsonArray();
        for (var i = 0; i < 5000; i++)
        {
            services.Add(new JsonObject { ["name"] = $"svc-{i}", ["port"] = i % 1000 == 999 ? -1 : 80 });
        }

        var obj = new JsonObject { ["spec"] = new JsonObject { ["services"] = services } };

        var errors = Errors(Schema, obj);

        Assert.Equal(6, errors.Count);
        Assert.Equal("spec.services[999].port: Invalid value: -1: spec.services[999].port in body should be greater than or equal to 0", errors[0]);
        Assert.Equal("spec.services[4999].port: Invalid value: -1: spec.services[4999].port in body should be greater than or equal to 0", errors[4]);
        Assert.Equal("spec: Invalid value: \"object\": ports must be positive", errors[5]);
        Assert.All(services, service => Assert.Equal("TCP", service!["protocol"]!.GetValue<string>()));
    }
}
