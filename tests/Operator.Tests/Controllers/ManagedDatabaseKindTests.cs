using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class ManagedDatabaseKindTests
{
    private static readonly BuildContext Build = new("test-cluster", "us-east-1", Provider.Aws);
    private readonly ManagedDatabaseKind _kind = new(new DataServicesOptions());

    private static ManagedDatabase Database(string spec) => JsonSerializer.Deserialize<ManagedDatabase>(
        $$"""{"apiVersion":"platform.skyforge.dev/v1alpha1","kind":"ManagedDatabase","metadata":{"name":"orders","namespace":"shop","uid":"u-1"},"spec":{{spec}}}""",
        SkyforgeJson.Options)!;

    [Theory]
    [InlineData("""{"engine":"postgres","deletionProtection":true,"deletionPolicy":"Delete"}""", true)]
    [InlineData("""{"engine":"postgres","deletionProtection":true}""", true)]
    [InlineData("""{"engine":"postgres","deletionProtection":true,"deletionPolicy":"Retain"}""", false)]
    [InlineData("""{"engine":"postgres","deletionProtection":false,"deletionPolicy":"Delete"}""", false)]
    public void Deletion_protection_blocks_every_policy_that_deletes(string spec, bool blocked) =>
        Assert.Equal(blocked, _kind.DeletionBlocked(Database(spec)) is not null);

    [Fact]
    public void The_default_policy_snapshots_rather_than_retains() =>
        Assert.False(_kind.Retains(Database("""{"engine":"postgres"}""")));

    [Fact]
    public void Engine_provider_user_and_region_are_recorded_as_immutable()
    {
        var fields = _kind.ImmutableFields(Database("""{"engine":"mysql","masterUsername":"app"}"""), Build);

        Assert.Equal("mysql", fields["spec.engine"]);
        Assert.Equal("aws", fields["spec.provider"]);
        Assert.Equal("app", fields["spec.masterUsername"]);
        Assert.Equal("us-east-1", fields["spec.region"]);
    }

    [Theory]
    [InlineData("""{"engine":"postgres","replicas":2}""", "spec.replicas")]
    [InlineData("""{"engine":"postgres","monitoring":{"intervalSeconds":60}}""", "spec.monitoring.intervalSeconds")]
    public void Settings_this_operator_cannot_serve_are_named(string spec, string field) =>
        Assert.Contains(_kind.OperatorChecks(Database(spec), Build), error => error.Path == field);

    [Theory]
    [InlineData("""{"engine":"aurora-postgresql","replicas":2}""")]
    [InlineData("""{"engine":"postgres","provider":"inCluster","replicas":0}""")]
    [InlineData("""{"engine":"postgres","region":"eu-west-1"}""")]
    public void Aurora_readers_in_cluster_databases_and_other_regions_pass(string spec) =>
        Assert.Empty(_kind.OperatorChecks(Database(spec), Build));
}
