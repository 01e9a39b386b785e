using System.Text.RegularExpressions;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed partial class AwsNamesTests
{
    private const string Cluster = "prod-eks";

    /// <summary>Letter first; letters, digits and single hyphens; no hyphen at the end (RDS, ElastiCache, MSK rules).</summary>
    [GeneratedRegex("^[a-z](-?[a-z0-9]+)*$")]
    private static partial Regex AwsIdentifier();

    public static TheoryData<string, int, Func<ResourceIdentity, string>> Identifiers() => new()
    {
        { "DB instance", 63, owner => AwsNames.DbInstanceId(Cluster, owner) },
        { "DB read replica 15", 63, owner => AwsNames.DbReadReplicaId(Cluster, owner, 15) },
        { "DB cluster", 63, owner => AwsNames.DbClusterId(Cluster, owner) },
        { "Aurora writer", 63, owner => AwsNames.DbClusterWriterId(Cluster, owner) },
        { "Aurora reader 15", 63, owner => AwsNames.DbClusterReaderId(Cluster, owner, 15) },
        { "DB subnet group", 255, owner => AwsNames.DbSubnetGroupName(Cluster, owner) },
        { "DB parameter group", 255, owner => AwsNames.DbParameterGroupName(Cluster, owner, "postgres16") },
        { "DB cluster parameter group", 255, owner => AwsNames.DbClusterParameterGroupName(Cluster, owner, "aurora-mysql8.0") },
        { "DB final snapshot", 255, owner => AwsNames.DbFinalSnapshotId(Cluster, owner) },
        { "replication group", 40, owner => AwsNames.CacheReplicationGroupId(Cluster, owner) },
        { "serverless cache", 40, owner => AwsNames.ServerlessCacheName(Cluster, owner) },
        { "cache subnet group", 255, owner => AwsNames.CacheSubnetGroupName(Cluster, owner) },
        { "cache parameter group", 255, owner => AwsNames.CacheParameterGroupName(Cluster, owner, "redis6.x") },
        { "cache user", 40, owner => AwsNames.CacheUserId(Cluster, owner) },
        { "cache user group", 40, owner => AwsNames.CacheUserGroupId(Cluster, owner) },
        { "cache final snapshot", 40, owner => AwsNames.CacheFinalSnapshotName(Cluster, owner) },
        { "MSK cluster", 64, owner => AwsNames.KafkaClusterName(Cluster, owner) },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Identifiers_fit_length_and_charset_for_any_kubernetes_name(string resource, int maxLength, Func<ResourceIdentity, string> identifier)
    {
        var random = new Random(resource.Length * 7919);
        for (var i = 0; i < 400; i++)
        {
            var owner = RandomOwner(random);
            var id = identifier(owner);
            Assert.True(id.Length <= maxLength, $"{resource} \"{id}\" for {owner.Key} is {id.Length} characters, more than {maxLength}");
            Assert.True(AwsIdentifier().IsMatch(id), $"{resource} \"{id}\" for {owner.Key} breaks the identifier rules");
        }
    }

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Identifiers_are_deterministic_and_differ_between_namespaces_and_clusters(string resource, int maxLength, Func<ResourceIdentity, string> identifier)
    {
        var owner = Owner("payments", "orders-db");
        Assert.Equal(identifier(owner), identifier(Owner("payments", "orders-db")));
        Assert.NotEqual(identifier(owner), identifier(Owner("payments-staging", "orders-db")));
        Assert.NotEqual(identifier(owner), identifier(Owner("payments", "orders-db2")));
        Assert.True(identifier(owner).Length <= maxLength, resource);
    }

    [Fact]
    public void Names_that_shorten_alike_stay_distinct()
    {
        var prefix = new string('a', 120);
        var first = AwsNames.CacheReplicationGroupId(Cluster, Owner("team", prefix + "-one"));
        var second = AwsNames.CacheReplicationGroupId(Cluster, Owner("team", prefix + "-two"));

        Assert.NotEqual(first, second);
        Assert.Equal(first[..^9], second[..^9]);
    }

    [Fact]
    public void Another_cluster_sharing_the_account_gets_its_own_identifiers()
    {
        var owner = Owner("default", "db");

        Assert.NotEqual(AwsNames.DbInstanceId("dev", owner), AwsNames.DbInstanceId("staging", owner));
    }

    [Fact]
    public void Short_names_read_as_namespace_then_name_then_hash()
    {
        var id = AwsNames.DbClusterId(Cluster, Owner("wallet", "ledger"));

        Assert.Matches("^wallet-ledger-[a-z2-7]{8}$", id);
    }

    [Fact]
    public void Names_starting_with_a_digit_get_a_letter_prefix()
    {
        var id = AwsNames.KafkaClusterName(Cluster, Owner("1st-team", "9bus"));

        Assert.StartsWith("sf-1st-team-9bus-", id);
    }

    [Fact]
    public void Aurora_members_and_rds_replicas_derive_from_their_cluster_and_instance()
    {
        var owner = Owner("wallet", new string('w', 200));
        var clusterId = AwsNames.DbClusterId(Cluster, owner);
        var instanceId = AwsNames.DbInstanceId(Cluster, owner);

        Assert.Equal(clusterId + "-w", AwsNames.DbClusterWriterId(Cluster, owner));
        Assert.Equal(clusterId + "-r2", AwsNames.DbClusterReaderId(Cluster, owner, 2));
        Assert.Equal(instanceId + "-r15", AwsNames.DbReadReplicaId(Cluster, owner, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsNames.DbClusterReaderId(Cluster, owner, 16));
    }

    [Fact]
    public void Parameter_groups_are_per_family_so_a_major_upgrade_gets_a_new_one()
    {
        var owner = Owner("shop", "catalog");

        Assert.NotEqual(AwsNames.DbParameterGroupName(Cluster, owner, "postgres15"), AwsNames.DbParameterGroupName(Cluster, owner, "postgres16"));
        Assert.Contains("postgres16", AwsNames.DbParameterGroupName(Cluster, owner, "postgres16"), StringComparison.Ordinal);
        Assert.Contains("aurora-mysql8-0", AwsNames.DbClusterParameterGroupName(Cluster, owner, "aurora-mysql8.0"), StringComparison.Ordinal);
    }

    [Fact]
    public void Final_snapshots_are_stable_per_object_but_new_for_a_recreated_object()
    {
        var first = new ResourceIdentity("platform.skyforge.dev/v1alpha1", "ManagedDatabase", "shop", "catalog", "8c1f0b7e-1111-4a4a-9b9b-000000000001");
        var recreated = first with { Uid = "8c1f0b7e-2222-4a4a-9b9b-000000000002" };

        Assert.Equal(AwsNames.DbFinalSnapshotId(Cluster, first), AwsNames.DbFinalSnapshotId(Cluster, first));
        Assert.NotEqual(AwsNames.DbFinalSnapshotId(Cluster, first), AwsNames.DbFinalSnapshotId(Cluster, recreated));
        Assert.Equal(AwsNames.DbInstanceId(Cluster, first), AwsNames.DbInstanceId(Cluster, recreated));
    }

    [Fact]
    public void Secret_names_are_paths_within_secrets_manager_rules()
    {
        var name = AwsNames.SecretName("prod eks", Owner("wallet", "ledger.db"), "master-credentials");

        Assert.Equal("skyforge/prod-eks/wallet/ledger.db/master-credentials", name);
        Assert.Matches("^[a-zA-Z0-9/_+=.@-]{1,512}$", name);
    }

    [Fact]
    public void Client_request_tokens_are_deterministic_uuids_per_purpose_and_object()
    {
        var owner = Owner("wallet", "ledger");
        var token = AwsNames.ClientRequestToken(Cluster, owner, "master-credentials");

        Assert.True(Guid.TryParseExact(token, "D", out _), token);
        Assert.InRange(token.Length, 32, 64);
        Assert.Equal(token, AwsNames.ClientRequestToken(Cluster, owner, "master-credentials"));
        Assert.NotEqual(token, AwsNames.ClientRequestToken(Cluster, owner, "auth-token"));
        Assert.NotEqual(token, AwsNames.ClientRequestToken(Cluster, owner with { Uid = "other" }, "master-credentials"));
    }

    private static ResourceIdentity Owner(string ns, string name) =>
        new("platform.skyforge.dev/v1alpha1", "ManagedDatabase", ns, name, "");

    /// <summary>A namespace (DNS label) and name (DNS subdomain) of random length and shape.</summary>
    private static ResourceIdentity RandomOwner(Random random)
    {
        const string alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
        string Part(int length, string inner) => new(Enumerable.Range(0, length)
            .Select(i => i == 0 || i == length - 1 ? alphanumeric[random.Next(alphanumeric.Length)] : inner[random.Next(inner.Length)])
            .ToArray());
        var ns = Part(random.Next(1, 64), alphanumeric + "--");
        var name = Part(random.Next(1, 254), alphanumeric + "-.");
        // Kubernetes names have no empty dot-separated segments.
        while (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) || name.Contains("-.", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".a", StringComparison.Ordinal).Replace(".-", ".a", StringComparison.Ordinal).Replace("-.", "a.", StringComparison.Ordinal);
        }
        return new ResourceIdentity("platform.skyforge.dev/v1alpha1", "ManagedDatabase", ns, name, Guid.NewGuid().ToString());
    }
}
