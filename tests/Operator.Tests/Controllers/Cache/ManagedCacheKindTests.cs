using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers.Cache;

public sealed class ManagedCacheKindTests
{
    private static readonly BuildContext Build = new("test-cluster", "us-east-1", Provider.Aws);
    private readonly ManagedCacheKind _kind = new();

    private static ManagedCache Cache(string spec) => JsonSerializer.Deserialize<ManagedCache>(
        $$"""{"apiVersion":"platform.skyforge.dev/v1alpha1","kind":"ManagedCache","metadata":{"name":"sessions","namespace":"shop","uid":"u-1"},"spec":{{spec}}}""",
        SkyforgeJson.Options)!;

    [Fact]
    public void The_kind_reads_managed_caches() =>
        Assert.Equal(("managedcaches", "ManagedCache"), (_kind.Type.Plural, _kind.Type.Kind));

    [Theory]
    [InlineData("""{"engine":"redis"}""", false)]
    [InlineData("""{"engine":"redis","deletionPolicy":"Snapshot"}""", false)]
    [InlineData("""{"engine":"redis","deletionPolicy":"Retain"}""", true)]
    public void Only_retain_leaves_the_cache_in_place(string spec, bool retains) =>
        Assert.Equal(retains, _kind.Retains(Cache(spec)));

    [Fact]
    public void Caches_have_no_deletion_protection_so_deletion_is_never_blocked() =>
        Assert.Null(_kind.DeletionBlocked(Cache("""{"engine":"redis","deletionPolicy":"Delete"}""")));

    [Fact]
    public void Engine_provider_mode_and_region_are_recorded_as_immutable()
    {
        var fields = _kind.ImmutableFields(Cache("""{"engine":"valkey","mode":"cluster"}"""), Build);

        Assert.Equal("valkey", fields["spec.engine"]);
        Assert.Equal("aws", fields["spec.provider"]);
        Assert.Equal("cluster", fields["spec.mode"]);
        Assert.Equal("us-east-1", fields["spec.region"]);
    }

    [Theory]
    [InlineData("""{"engine":"redis","provider":"inCluster","mode":"cluster"}""", "spec.mode")]
    [InlineData("""{"engine":"redis","provider":"inCluster","mode":"serverless"}""", "spec.mode")]
    public void Settings_this_operator_cannot_serve_are_named(string spec, string field) =>
        Assert.Contains(_kind.OperatorChecks(Cache(spec), Build), error => error.Path == field);

    [Fact]
    public void In_cluster_mode_cluster_explains_what_to_use_instead() =>
        Assert.Contains("need provider aws", Assert.Single(_kind.OperatorChecks(Cache("""{"provider":"inCluster","mode":"cluster"}"""), Build)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"engine":"redis","mode":"cluster","shards":3}""")]
    [InlineData("""{"engine":"redis","provider":"inCluster","mode":"replicated","replicasPerShard":2}""")]
    [InlineData("""{"engine":"valkey","mode":"standalone"}""")]
    [InlineData("""{"engine":"redis","mode":"serverless","serverless":{"maxDataStorageGiB":10}}""")]
    [InlineData("""{"engine":"redis","region":"eu-west-1"}""")]
    public void Replication_groups_serverless_caches_in_cluster_caches_and_other_regions_pass(string spec) =>
        Assert.Empty(_kind.OperatorChecks(Cache(spec), Build));
}
