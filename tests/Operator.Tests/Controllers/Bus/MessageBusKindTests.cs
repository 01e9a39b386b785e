using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers.Bus;

public sealed class MessageBusKindTests
{
    private static readonly BuildContext Build = new("test-cluster", "us-east-1", Provider.Aws);
    private readonly MessageBusKind _kind = new(Build);

    private static MessageBus Bus(string spec) => JsonSerializer.Deserialize<MessageBus>(
        $$"""{"apiVersion":"platform.skyforge.dev/v1alpha1","kind":"MessageBus","metadata":{"name":"events","namespace":"shop","uid":"u-1"},"spec":{{spec}}}""",
        SkyforgeJson.Options)!;

    [Theory]
    [InlineData("""{"engine":"rabbitmq","provider":"aws"}""", "Amazon MQ is not supported")]
    [InlineData("""{"engine":"kafka","provider":"aws"}""", "MSK needs network.subnetIds")]
    [InlineData("""{"engine":"kafka","serverless":true,"authentication":"scram","network":{"subnetIds":["subnet-1"]}}""", "MSK Serverless authenticates with IAM only")]
    [InlineData("""{"engine":"rabbitmq","provider":"inCluster","brokers":3}""", "single broker")]
    public void Combinations_the_builder_refuses_are_invalid_specs(string spec, string message)
    {
        var error = Assert.Single(_kind.OperatorChecks(Bus(spec), Build));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"engine":"kafka","network":{"subnetIds":["subnet-1","subnet-2"]}}""")]
    [InlineData("""{"engine":"rabbitmq","provider":"inCluster","queues":[{"name":"jobs"}]}""")]
    [InlineData("""{"engine":"kafka","provider":"inCluster","topics":[{"name":"metrics"}]}""")]
    public void Buses_the_operator_can_provide_pass(string spec) =>
        Assert.Empty(_kind.OperatorChecks(Bus(spec), Build));

    [Theory]
    [InlineData("""{"engine":"kafka","deletionPolicy":"Retain"}""", true)]
    [InlineData("""{"engine":"kafka","deletionPolicy":"Snapshot"}""", true)]
    [InlineData("""{"engine":"kafka"}""", false)]
    [InlineData("""{"engine":"kafka","provider":"inCluster","deletionPolicy":"Snapshot"}""", false)]
    [InlineData("""{"engine":"rabbitmq","deletionPolicy":"Snapshot"}""", false)]
    public void Snapshot_keeps_an_msk_cluster_because_msk_has_no_snapshots(string spec, bool retained) =>
        Assert.Equal(retained, _kind.Retains(Bus(spec)));

    [Fact]
    public void Msk_records_the_settings_it_cannot_change_in_place()
    {
        var fields = _kind.ImmutableFields(Bus("""{"engine":"kafka","serverless":true}"""), Build);

        Assert.Equal("kafka", fields["spec.engine"]);
        Assert.Equal("aws", fields["spec.provider"]);
        Assert.Equal("us-east-1", fields["spec.region"]);
        Assert.Equal("true", fields["spec.serverless"]);
        Assert.Equal("iam", fields["spec.authentication"]);
        Assert.Equal("3.6.0", fields["spec.version"]);
    }

    [Fact]
    public void An_in_cluster_bus_may_change_its_version()
    {
        var fields = _kind.ImmutableFields(Bus("""{"engine":"rabbitmq"}"""), Build);

        Assert.Equal("inCluster", fields["spec.provider"]);
        Assert.DoesNotContain("spec.version", fields.Keys);
    }
}
