namespace Skyforge.Aws.Rds;

public sealed record DBSubnetGroup
{
    public string? DBSubnetGroupName { get; init; }

    public string? DBSubnetGroupDescription { get; init; }

    public string? VpcId { get; init; }

    public string? SubnetGroupStatus { get; init; }

    public IReadOnlyList<Subnet>? Subnets { get; init; }

    public string? DBSubnetGroupArn { get; init; }

    public IReadOnlyList<string>? SupportedNetworkTypes { get; init; }
}

public sealed record Subnet
{
    public string? SubnetIdentifier { get; init; }

    public AvailabilityZone? SubnetAvailabilityZone { get; init; }

    public string? SubnetStatus { get; init; }
}

public sealed record AvailabilityZone
{
    public string? Name { get; init; }
}
