using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

public sealed record ModifyCacheParameterGroupRequest
{
    public required string CacheParameterGroupName { get; init; }

    [AwsQueryList("ParameterNameValue")]
    public required IReadOnlyList<ParameterNameValue> ParameterNameValues { get; init; }
}

public sealed record ModifyCacheParameterGroupResponse
{
    public string? CacheParameterGroupName { get; init; }
}
