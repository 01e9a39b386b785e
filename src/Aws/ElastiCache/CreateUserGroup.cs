using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

/// <summary>A user group of RBAC users; it must hold a user named "default". The answer is the <see cref="UserGroup"/>.</summary>
public sealed record CreateUserGroupRequest
{
    public required string UserGroupId { get; init; }

    public required string Engine { get; init; }

    public IReadOnlyList<string>? UserIds { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}
