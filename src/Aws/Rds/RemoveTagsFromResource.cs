namespace Skyforge.Aws.Rds;

public sealed record RemoveTagsFromResourceRequest
{
    public required string ResourceName { get; init; }

    public required IReadOnlyList<string> TagKeys { get; init; }
}
