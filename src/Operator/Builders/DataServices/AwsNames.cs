using System.Globalization;
using System.Text;

namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Deterministic identifiers for every AWS resource Skyforge creates. An identifier is a readable part
/// made from the namespace and name (lower-cased, other characters turned into hyphens, shortened to
/// fit) followed by "-" and 8 base32 characters of SHA-256 over "cluster/namespace/name". The same object
/// always maps to the same identifier, so a retried or restarted reconcile finds what it created, and the
/// hash keeps apart two namespaces (or two long names that shorten alike).
/// </summary>
/// <remarks>
/// The operator's cluster name is part of the hash because several clusters often share one AWS account
/// (a dev and a staging cluster, say): with it, <c>default/db</c> in each cluster gets its own database
/// instead of the second cluster finding the first one's and stopping at an ownership conflict. The
/// cluster name must therefore stay stable for the lifetime of the resources it owns.
/// </remarks>
public static class AwsNames
{
    /// <summary>RDS instance and Aurora cluster identifiers: 1-63 characters.</summary>
    public const int RdsIdentifierMaxLength = 63;

    /// <summary>ElastiCache replication group, serverless cache, user and user group identifiers: 1-40 characters.</summary>
    public const int ElastiCacheIdentifierMaxLength = 40;

    /// <summary>MSK cluster names: 1-64 characters.</summary>
    public const int MskClusterNameMaxLength = 64;

    /// <summary>Most read replicas or Aurora readers one database can have (spec.replicas maximum).</summary>
    public const int MaxMembers = 15;

    private const int HashLength = 8;

    /// <summary>Room kept at the end of instance and cluster identifiers for the longest member suffix, "-r15".</summary>
    private const int MemberSuffixRoom = 4;

    private const string LetterPrefix = "sf";

    /// <summary>The RDS instance of a postgres or mysql ManagedDatabase.</summary>
    public static string DbInstanceId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, RdsIdentifierMaxLength - MemberSuffixRoom);

    /// <summary>Read replica number <paramref name="ordinal"/> (1-15) of the RDS instance: &lt;instance id&gt;-r&lt;ordinal&gt;.</summary>
    public static string DbReadReplicaId(string clusterName, ResourceIdentity owner, int ordinal) =>
        Member(DbInstanceId(clusterName, owner), ordinal);

    /// <summary>The Aurora cluster of an aurora-postgresql or aurora-mysql ManagedDatabase.</summary>
    public static string DbClusterId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, RdsIdentifierMaxLength - MemberSuffixRoom);

    /// <summary>The Aurora writer instance: &lt;cluster id&gt;-w.</summary>
    public static string DbClusterWriterId(string clusterName, ResourceIdentity owner) =>
        DbClusterId(clusterName, owner) + "-w";

    /// <summary>Aurora reader number <paramref name="ordinal"/> (1-15): &lt;cluster id&gt;-r&lt;ordinal&gt;.</summary>
    public static string DbClusterReaderId(string clusterName, ResourceIdentity owner, int ordinal) =>
        Member(DbClusterId(clusterName, owner), ordinal);

    /// <summary>The DB subnet group created from network.subnetIds.</summary>
    public static string DbSubnetGroupName(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, RdsIdentifierMaxLength);

    /// <summary>The DB parameter group for one family (e.g. postgres16); a major upgrade gets a new group.</summary>
    public static string DbParameterGroupName(string clusterName, ResourceIdentity owner, string family) =>
        Identifier(clusterName, owner, family, RdsIdentifierMaxLength);

    /// <summary>The DB cluster parameter group for one family (e.g. aurora-mysql8.0).</summary>
    public static string DbClusterParameterGroupName(string clusterName, ResourceIdentity owner, string family) =>
        Identifier(clusterName, owner, family, RdsIdentifierMaxLength);

    /// <summary>
    /// The final snapshot taken under deletionPolicy Snapshot (DB instance or cluster snapshot). The object's
    /// uid joins the hash: retries of one deletion reuse the name, while a later object with the same
    /// namespace and name gets its own snapshot instead of failing on the first one's.
    /// </summary>
    public static string DbFinalSnapshotId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, "final", RdsIdentifierMaxLength, owner.Uid);

    /// <summary>The ElastiCache replication group (standalone, replicated and cluster mode).</summary>
    public static string CacheReplicationGroupId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, ElastiCacheIdentifierMaxLength);

    /// <summary>The ElastiCache serverless cache.</summary>
    public static string ServerlessCacheName(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, ElastiCacheIdentifierMaxLength);

    /// <summary>The cache subnet group created from network.subnetIds.</summary>
    public static string CacheSubnetGroupName(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, ElastiCacheIdentifierMaxLength);

    /// <summary>The cache parameter group for one family (e.g. redis7).</summary>
    public static string CacheParameterGroupName(string clusterName, ResourceIdentity owner, string family) =>
        Identifier(clusterName, owner, family, RdsIdentifierMaxLength);

    /// <summary>The ElastiCache user holding the AUTH token of a serverless cache.</summary>
    public static string CacheUserId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, "auth", ElastiCacheIdentifierMaxLength);

    /// <summary>The ElastiCache user group attached to a serverless cache.</summary>
    public static string CacheUserGroupId(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, ElastiCacheIdentifierMaxLength);

    /// <summary>The final snapshot of a replication group or serverless cache (uid in the hash, as for databases).</summary>
    public static string CacheFinalSnapshotName(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, "final", ElastiCacheIdentifierMaxLength, owner.Uid);

    /// <summary>The MSK cluster (provisioned or serverless).</summary>
    public static string KafkaClusterName(string clusterName, ResourceIdentity owner) =>
        Identifier(clusterName, owner, qualifier: null, MskClusterNameMaxLength);

    /// <summary>
    /// A Secrets Manager secret name: skyforge/&lt;cluster&gt;/&lt;namespace&gt;/&lt;name&gt;/&lt;purpose&gt;.
    /// Kubernetes names cannot contain "/", so the path is unique without a hash, and it stays well under
    /// the 512-character limit. Purposes never end in a hyphen and six characters, which Secrets Manager
    /// would confuse with the random suffix of its ARNs.
    /// </summary>
    public static string SecretName(string clusterName, ResourceIdentity owner, string purpose) =>
        $"skyforge/{SecretPathSegment(clusterName)}/{owner.Namespace}/{owner.Name}/{purpose}";

    /// <summary>
    /// A ClientRequestToken for CreateSecret: a UUID-shaped digest of cluster, namespace, name, uid and
    /// purpose, so a retried create of the same secret version is recognised as the same request.
    /// </summary>
    public static string ClientRequestToken(string clusterName, ResourceIdentity owner, string purpose)
    {
        var digest = StableHash.Digest($"{clusterName}/{owner.Namespace}/{owner.Name}/{owner.Uid}/{purpose}");
        // RFC 9562 version 8 (custom) and the RFC variant bits, so the token is a well-formed UUID.
        digest[6] = (byte)((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte)((digest[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(digest.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Member(string baseId, int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ordinal, MaxMembers);
        return $"{baseId}-r{ordinal.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Identifier(string clusterName, ResourceIdentity owner, string? qualifier, int maxLength, string hashSalt = "")
    {
        var hashInput = hashSalt.Length == 0
            ? $"{clusterName}/{owner.Namespace}/{owner.Name}"
            : $"{clusterName}/{owner.Namespace}/{owner.Name}/{hashSalt}";
        var suffix = (qualifier is null ? "" : "-" + Clean(qualifier)) + "-" + StableHash.Base32(hashInput, HashLength);
        return ReadablePart(owner.Namespace, owner.Name, maxLength - suffix.Length) + suffix;
    }

    /// <summary>namespace-name, shortened to the budget, always starting with a letter.</summary>
    private static string ReadablePart(string @namespace, string name, int budget)
    {
        var cleanNamespace = Clean(@namespace);
        var cleanName = Clean(name);
        var readable = Fit(cleanNamespace, cleanName, budget);
        if (readable.Length > 0 && char.IsAsciiLetterLower(readable[0]))
        {
            return readable;
        }
        return Join(LetterPrefix, Fit(cleanNamespace, cleanName, budget - LetterPrefix.Length - 1));
    }

    /// <summary>Both parts when they fit; otherwise the name keeps what it needs, leaving the namespace at least a third.</summary>
    private static string Fit(string @namespace, string name, int budget)
    {
        if (budget <= 0)
        {
            return "";
        }
        if (@namespace.Length + 1 + name.Length <= budget)
        {
            return Join(@namespace, name);
        }
        var room = budget - 1;
        var namespaceShare = Math.Min(@namespace.Length, Math.Max(room - name.Length, room / 3));
        var nameShare = Math.Min(name.Length, room - namespaceShare);
        return Join(@namespace[..namespaceShare].TrimEnd('-'), name[..nameShare].TrimEnd('-'));
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + "-" + second;

    /// <summary>Lower-case letters and digits, single hyphens between runs of anything else, none at either end.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().TrimEnd('-');
    }

    /// <summary>The cluster name with characters Secrets Manager names do not allow (and "/") turned into hyphens.</summary>
    private static string SecretPathSegment(string clusterName)
    {
        var builder = new StringBuilder(clusterName.Length);
        foreach (var c in clusterName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || "_+=.@-".Contains(c, StringComparison.Ordinal) ? c : '-');
        }
        return builder.Length == 0 ? "-" : builder.ToString();
    }
}
