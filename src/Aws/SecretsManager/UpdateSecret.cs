namespace Skyforge.Aws.SecretsManager;

public sealed record UpdateSecretRequest
{
    public required string SecretId { get; init; }

    /// <summary>Idempotency token of the new version (when a value is given); the client fills a UUID when it is null.</summary>
    public string? ClientRequestToken { get; init; }

    public string? Description { get; init; }

    public string? KmsKeyId { get; init; }

    [AwsSensitive]
    public byte[]? SecretBinary { get; init; }

    [AwsSensitive]
    public string? SecretString { get; init; }
}

public sealed record UpdateSecretResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? VersionId { get; init; }
}
