namespace Skyforge.Aws.ElastiCache;

/// <summary>A user group (<c>Status</c>: creating, active, modifying, deleting).</summary>
public sealed record UserGroup
{
    public string? UserGroupId { get; init; }

    public string? Status { get; init; }

    public string? Engine { get; init; }

    public IReadOnlyList<string>? UserIds { get; init; }

    public string? MinimumEngineVersion { get; init; }

    public IReadOnlyList<string>? ReplicationGroups { get; init; }

    public IReadOnlyList<string>? ServerlessCaches { get; init; }

    public string? ARN { get; init; }
}
