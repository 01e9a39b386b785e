namespace Skyforge.Aws.ElastiCache;

public sealed record CacheParameterGroup
{
    public string? CacheParameterGroupName { get; init; }

    public string? CacheParameterGroupFamily { get; init; }

    public string? Description { get; init; }

    public bool? IsGlobal { get; init; }

    public string? ARN { get; init; }
}

public sealed record ParameterNameValue
{
    public string? ParameterName { get; init; }

    public string? ParameterValue { get; init; }
}
