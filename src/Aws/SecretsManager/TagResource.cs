namespace Skyforge.Aws.SecretsManager;

public sealed record TagResourceRequest
{
    public required string SecretId { get; init; }

    public required IReadOnlyList<AwsTag> Tags { get; init; }
}
