namespace Skyforge.Aws;

/// <summary>A resource tag as RDS, ElastiCache and Secrets Manager spell it (<c>{"Key":…,"Value":…}</c>).</summary>
public sealed record AwsTag
{
    public required string Key { get; init; }

    public string? Value { get; init; }
}
