namespace Skyforge.Aws.Rds;

public sealed record DeleteDBSubnetGroupRequest
{
    public required string DBSubnetGroupName { get; init; }
}
