namespace Skyforge.Aws.ElastiCache;

/// <summary>Deletes an RBAC user; the answer is the <see cref="User"/>, now deleting.</summary>
public sealed record DeleteUserRequest
{
    public required string UserId { get; init; }
}
