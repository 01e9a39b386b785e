using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class SelectorTests
{
    [Fact]
    public void Label_selector_prints_every_operator_in_api_syntax()
    {
        var selector = LabelSelector.Everything
            .Equal("app", "web")
            .NotEqual("tier", "cache")
            .In("env", ["prod", "dev"])
            .NotIn("zone", ["b"])
            .Exists("skyforge.dev/owner")
            .DoesNotExist("legacy");

        Assert.Equal("app=web,tier!=cache,env in (dev,prod),zone notin (b),skyforge.dev/owner,!legacy", selector.ToString());
    }

    [Fact]
    public void Label_selector_from_labels_is_sorted_so_equal_maps_give_equal_text()
    {
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        Assert.Equal("a=1,b=2", selector.ToString());
    }

    [Fact]
    public void Label_selector_from_a_workload_selector_model()
    {
        var model = new MetaLabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [new LabelSelectorExpression { Key = "tier", Operator = "In", Values = ["front", "api"] }],
        };
        Assert.Equal("app=web,tier in (api,front)", LabelSelector.FromModel(model).ToString());
    }

    [Theory]
    [InlineData("app", "web", true)]
    [InlineData("app", "db", false)]
    public void Label_selector_matches_like_the_api_server(string key, string value, bool expected)
    {
        var selector = LabelSelector.Everything.Equal("app", "web").DoesNotExist("paused").NotEqual("tier", "cache");
        var labels = new Dictionary<string, string> { [key] = value };
        Assert.Equal(expected, selector.Matches(labels));
    }

    [Fact]
    public void Not_in_and_not_equal_match_objects_without_the_label()
    {
        var selector = LabelSelector.Everything.NotIn("zone", ["a"]).NotEqual("tier", "x");
        Assert.True(selector.Matches(null));
        Assert.False(LabelSelector.Everything.In("zone", ["a"]).Matches(null));
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("a,b")]
    [InlineData("a=b")]
    public void Label_keys_that_would_change_the_parse_are_rejected(string key)
    {
        Assert.Throws<ArgumentException>(() => LabelSelector.Everything.Exists(key));
    }

    [Fact]
    public void Label_values_that_would_change_the_parse_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LabelSelector.Everything.Equal("app", "web,tier=x"));
    }

    [Fact]
    public void Field_selector_escapes_separators_in_values()
    {
        var selector = FieldSelector.ByName("a,b=c\\d").NotEqual("metadata.namespace", "kube-system");
        Assert.Equal("metadata.name=a\\,b\\=c\\\\d,metadata.namespace!=kube-system", selector.ToString());
    }
}
