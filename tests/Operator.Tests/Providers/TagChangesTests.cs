using Skyforge.Aws;
using Skyforge.Operator.Providers;

namespace Skyforge.Operator.Tests.Providers;

public sealed class TagChangesTests
{
    private static readonly KeyValuePair<string, string>[] Wanted =
    [
        new("skyforge.dev/cluster", "prod"), new("skyforge.dev/name", "orders"), new("team", "billing"),
    ];

    [Fact]
    public void Missing_and_changed_tags_are_set_and_unnamed_ones_removed_but_never_aws_reserved_ones()
    {
        var changes = TagChanges.Between(Wanted, new AwsTag[]
        {
            new() { Key = "skyforge.dev/cluster", Value = "prod" }, new() { Key = "team", Value = "payments" }, new() { Key = "cost-center", Value = "cc-1" },
            new() { Key = "aws:cloudformation:stack-name", Value = "legacy" }, new() { Key = "added-by-hand" },
        });

        Assert.Equal([new("skyforge.dev/name", "orders"), new("team", "billing")], changes.Set);
        Assert.Equal(["added-by-hand", "cost-center"], changes.Remove);
        Assert.False(changes.IsEmpty);
    }

    [Fact]
    public void Tags_that_match_need_nothing()
    {
        var changes = TagChanges.Between(Wanted, Wanted.Select(tag => new KeyValuePair<string, string?>(tag.Key, tag.Value)));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void An_empty_value_matches_a_missing_one()
    {
        var changes = TagChanges.Between([new("flag", "")], new KeyValuePair<string, string?>[] { new("flag", null) });

        Assert.True(changes.IsEmpty);
    }
}
