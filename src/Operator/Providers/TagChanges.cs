using Skyforge.Aws;

namespace Skyforge.Operator.Providers;

/// <summary>
/// What it takes to bring an AWS resource's tags to the wanted set (ownership tags plus <c>spec.tags</c>): tags to
/// set because they are missing or differ, and tags to remove because the spec no longer names them. The spec is
/// authoritative for the resource's tags, as in other infrastructure controllers; only AWS's reserved
/// <c>aws:</c> tags, which no caller may change, are left alone.
/// </summary>
public sealed record TagChanges(IReadOnlyList<KeyValuePair<string, string>> Set, IReadOnlyList<string> Remove)
{
    /// <summary>The name a provider reports a tag difference under (<c>update requested: tags</c>).</summary>
    public const string Difference = "tags";

    private const string AwsReservedPrefix = "aws:";

    public bool IsEmpty => Set.Count == 0 && Remove.Count == 0;

    /// <summary>Runs the service's own tag and untag calls for what changed, each only when it has something to do.</summary>
    public async Task ApplyAsync(Func<IReadOnlyList<KeyValuePair<string, string>>, Task> setTags, Func<IReadOnlyList<string>, Task> removeTags)
    {
        if (Set.Count > 0)
        {
            await setTags(Set);
        }
        if (Remove.Count > 0)
        {
            await removeTags(Remove);
        }
    }

    /// <summary>Tags in the <c>{Key, Value}</c> shape of RDS, ElastiCache and Secrets Manager.</summary>
    public static IReadOnlyList<AwsTag> AsAwsTags(IReadOnlyList<KeyValuePair<string, string>> tags) =>
        [.. tags.Select(tag => new AwsTag { Key = tag.Key, Value = tag.Value })];

    /// <summary>The changes from tags as RDS, ElastiCache and Secrets Manager list them.</summary>
    public static TagChanges Between(IReadOnlyList<KeyValuePair<string, string>> wanted, IEnumerable<AwsTag> live) =>
        Between(wanted, live.Select(tag => new KeyValuePair<string, string?>(tag.Key, tag.Value)));

    public static TagChanges Between(IReadOnlyList<KeyValuePair<string, string>> wanted, IEnumerable<KeyValuePair<string, string?>> live)
    {
        var current = live.ToDictionary(tag => tag.Key, tag => tag.Value ?? "", StringComparer.Ordinal);
        var wantedKeys = wanted.Select(tag => tag.Key).ToHashSet(StringComparer.Ordinal);
        var set = wanted.Where(tag => !current.TryGetValue(tag.Key, out var value) || value != tag.Value).ToList();
        var remove = current.Keys
            .Where(key => !wantedKeys.Contains(key) && !key.StartsWith(AwsReservedPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new TagChanges(set, remove);
    }
}
