using System.Text.Json.Nodes;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// The tags that say which Kubernetes object owns an AWS resource: skyforge.dev/cluster, /namespace,
/// /name and /uid, followed by the user's spec.tags. The operator never modifies or deletes a resource
/// whose tags name another owner.
/// </summary>
public static class OwnershipTags
{
    public const string ClusterKey = "skyforge.dev/cluster";
    public const string NamespaceKey = "skyforge.dev/namespace";
    public const string NameKey = "skyforge.dev/name";
    public const string UidKey = "skyforge.dev/uid";

    private const string ReservedPrefix = "skyforge.dev/";

    /// <summary>
    /// Ownership tags then user tags sorted by key. The uid tag is left out while the object has no uid
    /// (render): AWS would be given an empty value that no later check could match.
    /// </summary>
    /// <exception cref="ArgumentException">A user tag uses the reserved skyforge.dev/ prefix.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> For(string clusterName, ResourceIdentity owner, IReadOnlyDictionary<string, string>? userTags)
    {
        var tags = new List<KeyValuePair<string, string>>
        {
            new(ClusterKey, clusterName),
            new(NamespaceKey, owner.Namespace),
            new(NameKey, owner.Name),
        };
        if (owner.Uid.Length > 0)
        {
            tags.Add(new(UidKey, owner.Uid));
        }
        foreach (var (key, value) in (userTags ?? new Dictionary<string, string>()).OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"tag key \"{key}\" is reserved for Skyforge's ownership tags", nameof(userTags));
            }
            tags.Add(new(key, value));
        }
        return tags;
    }

    /// <summary>Tags in the shape RDS, ElastiCache and Secrets Manager take: [{"Key": k, "Value": v}, ...].</summary>
    public static JsonArray ToTagList(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value }).ToArray());

    /// <summary>Tags in the shape MSK takes: {"k": "v", ...}.</summary>
    public static JsonObject ToTagMap(IEnumerable<KeyValuePair<string, string>> tags) => Manifest.ToObject(tags);

    /// <summary>
    /// Whom <paramref name="tags"/> (as read back from AWS) name. The resource belongs to this owner when
    /// cluster, namespace and name match and the uid matches too — unless either side has no uid (a
    /// render, or a resource tagged before its object had one), in which case the names decide. An object
    /// re-created under the same name has a new uid, so it does not silently take over what its
    /// predecessor retained.
    /// </summary>
    public static TaggedOwner Classify(IEnumerable<KeyValuePair<string, string>> tags, string clusterName, ResourceIdentity owner)
    {
        var ownership = tags
            .Where(tag => tag.Key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            .GroupBy(tag => tag.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal);
        if (!ownership.ContainsKey(ClusterKey) && !ownership.ContainsKey(NamespaceKey) && !ownership.ContainsKey(NameKey) && !ownership.ContainsKey(UidKey))
        {
            return TaggedOwner.Nobody;
        }
        var namesMatch = Matches(ownership, ClusterKey, clusterName)
            && Matches(ownership, NamespaceKey, owner.Namespace)
            && Matches(ownership, NameKey, owner.Name);
        var uidMatches = owner.Uid.Length == 0 || !ownership.TryGetValue(UidKey, out var uid) || uid.Length == 0 || uid == owner.Uid;
        return namesMatch && uidMatches ? TaggedOwner.ThisOwner : TaggedOwner.AnotherOwner;
    }

    private static bool Matches(Dictionary<string, string> ownership, string key, string expected) =>
        ownership.TryGetValue(key, out var value) && value == expected;
}
