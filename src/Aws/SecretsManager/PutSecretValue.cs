namespace Skyforge.Aws.SecretsManager;

public sealed record PutSecretValueRequest
{
    public required string SecretId { get; init; }

    /// <summary>Idempotency token and new version id; the client fills a UUID when it is null.</summary>
    public string? ClientRequestToken { get; init; }

    [AwsSensitive]
    public byte[]? SecretBinary { get; init; }

    [AwsSensitive]
    public string? SecretString { get; init; }

    public IReadOnlyList<string>? VersionStages { get; init; }
}

public sealed record PutSecretValueResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? VersionId { get; init; }

    public IReadOnlyList<string>? VersionStages { get; init; }
}
