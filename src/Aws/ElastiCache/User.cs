namespace Skyforge.Aws.ElastiCache;

/// <summary>An RBAC user (<c>Status</c>: active, modifying, deleting).</summary>
public sealed record User
{
    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? Status { get; init; }

    public string? Engine { get; init; }

    public string? MinimumEngineVersion { get; init; }

    public string? AccessString { get; init; }

    public IReadOnlyList<string>? UserGroupIds { get; init; }

    public UserAuthentication? Authentication { get; init; }

    public string? ARN { get; init; }
}

/// <summary>How a user authenticates (<c>Type</c>: password, no-password, iam) and how many passwords it has.</summary>
public sealed record UserAuthentication
{
    public string? Type { get; init; }

    public int? PasswordCount { get; init; }
}
