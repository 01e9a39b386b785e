using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class OwnershipTagsTests
{
    private static readonly ResourceIdentity Owner = new("platform.skyforge.dev/v1alpha1", "ManagedCache", "wallet", "sessions", "0f7c2a44-5c1e-4a11-8d0e-3f7b1c2d9e10");

    [Fact]
    public void Ownership_tags_come_first_then_user_tags_sorted()
    {
        var tags = OwnershipTags.For("prod-eks", Owner, new Dictionary<string, string> { ["team"] = "payments", ["cost-center"] = "42" });

        Assert.Equal(
        [
            new("skyforge.dev/cluster", "prod-eks"),
            new("skyforge.dev/namespace", "wallet"),
            new("skyforge.dev/name", "sessions"),
            new("skyforge.dev/uid", Owner.Uid),
            new("cost-center", "42"),
            new("team", "payments"),
        ], tags);
    }

    [Fact]
    public void Render_without_a_uid_leaves_the_uid_tag_out()
    {
        var tags = OwnershipTags.For("prod-eks", Owner with { Uid = "" }, null);

        Assert.DoesNotContain(tags, tag => tag.Key == OwnershipTags.UidKey);
    }

    [Fact]
    public void User_tags_cannot_impersonate_ownership()
    {
        Assert.Throws<ArgumentException>(() => OwnershipTags.For("prod-eks", Owner, new Dictionary<string, string> { ["skyforge.dev/name"] = "other" }));
    }

    [Fact]
    public void Tag_shapes_match_the_aws_apis()
    {
        var tags = OwnershipTags.For("prod-eks", Owner, null);

        var list = OwnershipTags.ToTagList(tags);
        Assert.Equal("skyforge.dev/cluster", (string?)list[0]!["Key"]);
        Assert.Equal("prod-eks", (string?)list[0]!["Value"]);
        Assert.Equal("sessions", (string?)OwnershipTags.ToTagMap(tags)["skyforge.dev/name"]);
    }

    [Fact]
    public void Tags_written_for_an_owner_name_that_owner()
    {
        var tags = OwnershipTags.For("prod-eks", Owner, new Dictionary<string, string> { ["team"] = "payments" });

        Assert.Equal(TaggedOwner.ThisOwner, OwnershipTags.Classify(tags, "prod-eks", Owner));
    }

    [Theory]
    [InlineData("staging-eks", "wallet", "sessions", "0f7c2a44-5c1e-4a11-8d0e-3f7b1c2d9e10")]
    [InlineData("prod-eks", "wallet-dev", "sessions", "0f7c2a44-5c1e-4a11-8d0e-3f7b1c2d9e10")]
    [InlineData("prod-eks", "wallet", "sessions-2", "0f7c2a44-5c1e-4a11-8d0e-3f7b1c2d9e10")]
    [InlineData("prod-eks", "wallet", "sessions", "a-recreated-object")]
    public void Tags_naming_anything_else_are_another_owner(string cluster, string ns, string name, string uid)
    {
        var tags = OwnershipTags.For(cluster, new ResourceIdentity(Owner.ApiVersion, Owner.Kind, ns, name, uid), null);

        Assert.Equal(TaggedOwner.AnotherOwner, OwnershipTags.Classify(tags, "prod-eks", Owner));
    }

    [Fact]
    public void A_partial_set_of_ownership_tags_is_another_owner()
    {
        KeyValuePair<string, string>[] tags = [new(OwnershipTags.ClusterKey, "prod-eks")];

        Assert.Equal(TaggedOwner.AnotherOwner, OwnershipTags.Classify(tags, "prod-eks", Owner));
    }

    [Fact]
    public void Resources_without_ownership_tags_belong_to_nobody()
    {
        KeyValuePair<string, string>[] tags = [new("team", "payments"), new("Name", "sessions")];

        Assert.Equal(TaggedOwner.Nobody, OwnershipTags.Classify(tags, "prod-eks", Owner));
        Assert.Equal(TaggedOwner.Nobody, OwnershipTags.Classify([], "prod-eks", Owner));
    }

    [Fact]
    public void Without_a_uid_on_either_side_the_names_decide()
    {
        var taggedInRender = OwnershipTags.For("prod-eks", Owner with { Uid = "" }, null);

        Assert.Equal(TaggedOwner.ThisOwner, OwnershipTags.Classify(taggedInRender, "prod-eks", Owner));
        Assert.Equal(TaggedOwner.ThisOwner, OwnershipTags.Classify(OwnershipTags.For("prod-eks", Owner, null), "prod-eks", Owner with { Uid = "" }));
    }
}
