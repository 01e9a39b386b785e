namespace Skyforge.Aws.SecretsManager;

public sealed record CreateSecretRequest
{
    public required string Name { get; init; }

    /// <summary>Idempotency token (32–64 characters); the client fills a UUID when it is null so retries stay idempotent.</summary>
    public string? ClientRequestToken { get; init; }

    public string? Description { get; init; }

    public string? KmsKeyId { get; init; }

    [AwsSensitive]
    public byte[]? SecretBinary { get; init; }

    [AwsSensitive]
    public string? SecretString { get; init; }

    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public IReadOnlyList<ReplicaRegion>? AddReplicaRegions { get; init; }

    public bool? ForceOverwriteReplicaSecret { get; init; }
}

public sealed record CreateSecretResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? VersionId { get; init; }

    public IReadOnlyList<ReplicationStatus>? ReplicationStatus { get; init; }
}
