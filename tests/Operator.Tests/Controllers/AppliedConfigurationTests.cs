using System.Text.Json.Nodes;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class AppliedConfigurationTests
{
    private static JsonObject Desired() => JsonNode.Parse("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"team","labels":{"a":"1"}},
         "spec":{"type":"ClusterIP","ports":[{"name":"http","port":80,"targetPort":"http"}],"selector":{"app":"web"}}}
        """)!.AsObject();

    /// <summary>What the API server returns after applying: defaults and other managers' fields added.</summary>
    private static JsonObject LiveAfterApply(JsonObject stamped)
    {
        var live = stamped.DeepClone().AsObject();
        live["metadata"]!["uid"] = "u1";
        live["metadata"]!["annotations"]!["other-tool/note"] = "x";
        live["spec"]!["clusterIP"] = "10.0.0.7";
        live["spec"]!["ports"]![0]!["protocol"] = "TCP";
        live["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
        return live;
    }

    [Fact]
    public void An_unchanged_object_with_server_defaults_needs_no_apply()
    {
        var stamped = AppliedConfiguration.Stamp(Desired());
        Assert.False(AppliedConfiguration.NeedsApply(AppliedConfiguration.Stamp(Desired()), LiveAfterApply(stamped)));
    }

    [Fact]
    public void A_missing_object_a_changed_desired_state_or_a_dropped_field_needs_an_apply()
    {
        var live = LiveAfterApply(AppliedConfiguration.Stamp(Desired()));
        Assert.True(AppliedConfiguration.NeedsApply(AppliedConfiguration.Stamp(Desired()), null));

        var changed = Desired();
        changed["spec"]!["ports"]![0]!["port"] = 8080;
        Assert.True(AppliedConfiguration.NeedsApply(AppliedConfiguration.Stamp(changed), live));

        var dropped = Desired();
        dropped["metadata"]!.AsObject().Remove("labels");
        Assert.True(AppliedConfiguration.NeedsApply(AppliedConfiguration.Stamp(dropped), live));
    }

    [Fact]
    public void Drift_in_a_field_the_operator_sets_needs_an_apply()
    {
        var live = LiveAfterApply(AppliedConfiguration.Stamp(Desired()));
        live["spec"]!["selector"]!["app"] = "hijacked";
        Assert.True(AppliedConfiguration.NeedsApply(AppliedConfiguration.Stamp(Desired()), live));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1.0,"b":2}""", true)]
    [InlineData("""{"a":[1,2]}""", """{"a":[1,2,3]}""", false)]
    [InlineData("""{"a":[{"x":1}]}""", """{"a":[{"x":1,"y":2}]}""", true)]
    [InlineData("""{"a":"1"}""", """{"a":1}""", false)]
    [InlineData("""{"a":null}""", """{}""", true)]
    [InlineData("""{"a":{"b":true}}""", """{"a":{"b":false}}""", false)]
    public void Subset_comparison(string desired, string live, bool contained) =>
        Assert.Equal(contained, JsonSubset.Contains(JsonNode.Parse(live), JsonNode.Parse(desired)));
}
