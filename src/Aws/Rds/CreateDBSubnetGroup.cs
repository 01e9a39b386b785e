using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.Rds;

public sealed record CreateDBSubnetGroupRequest
{
    public required string DBSubnetGroupName { get; init; }

    public required string DBSubnetGroupDescription { get; init; }

    [AwsQueryList("SubnetIdentifier")]
    public required IReadOnlyList<string> SubnetIds { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}

public sealed record CreateDBSubnetGroupResponse
{
    public DBSubnetGroup? DBSubnetGroup { get; init; }
}
