namespace Skyforge.Aws.SecretsManager;

public sealed record UntagResourceRequest
{
    public required string SecretId { get; init; }

    public required IReadOnlyList<string> TagKeys { get; init; }
}
