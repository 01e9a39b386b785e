namespace Skyforge.Aws.ElastiCache;

/// <summary>Deletes a user group (not its users); the answer is the <see cref="UserGroup"/>, now deleting.</summary>
public sealed record DeleteUserGroupRequest
{
    public required string UserGroupId { get; init; }
}
