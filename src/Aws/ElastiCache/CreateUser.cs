using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Aws.ElastiCache;

/// <summary>An RBAC user; the answer is the <see cref="User"/> itself.</summary>
public sealed record CreateUserRequest
{
    public required string UserId { get; init; }

    public required string UserName { get; init; }

    public required string Engine { get; init; }

    [AwsSensitive]
    public IReadOnlyList<string>? Passwords { get; init; }

    public required string AccessString { get; init; }

    public bool? NoPasswordRequired { get; init; }

    [AwsQueryList("Tag")]
    public IReadOnlyList<AwsTag>? Tags { get; init; }
}
