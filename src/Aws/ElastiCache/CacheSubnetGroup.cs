namespace Skyforge.Aws.ElastiCache;

public sealed record CacheSubnetGroup
{
    public string? CacheSubnetGroupName { get; init; }

    public string? CacheSubnetGroupDescription { get; init; }

    public string? VpcId { get; init; }

    public IReadOnlyList<Subnet>? Subnets { get; init; }

    public string? ARN { get; init; }

    public IReadOnlyList<string>? SupportedNetworkTypes { get; init; }
}

public sealed record Subnet
{
    public string? SubnetIdentifier { get; init; }

    public AvailabilityZone? SubnetAvailabilityZone { get; init; }
}

public sealed record AvailabilityZone
{
    public string? Name { get; init; }
}
