using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>AWS networking for a data service (provider aws only).</summary>
[CelRule("!(has(self.subnetIds) && has(self.subnetGroupName))", "set either subnetIds or subnetGroupName, not both")]
public sealed record NetworkSpec
{
    /// <summary>Subnets for a subnet group the operator creates and owns. Use subnets in at least two availability zones.</summary>
    [Items(1, 20), ListSet, ItemPattern("^subnet-[0-9a-f]{8,17}$")]
    public List<string>? SubnetIds { get; init; }

    /// <summary>An existing subnet group to use instead of creating one.</summary>
    [Length(1, 255)]
    public string? SubnetGroupName { get; init; }

    /// <summary>VPC security groups attached to the service.</summary>
    [Items(0, 5), ListSet, ItemPattern("^sg-[0-9a-f]{8,17}$")]
    public List<string>? SecurityGroupIds { get; init; }

    /// <summary>Give the service a public address. Keep false unless you must reach it from outside the VPC.</summary>
    [Default("false")]
    public bool? PubliclyAccessible { get; init; }
}
