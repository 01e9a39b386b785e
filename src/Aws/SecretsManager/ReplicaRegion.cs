namespace Skyforge.Aws.SecretsManager;

public sealed record ReplicaRegion
{
    public string? Region { get; init; }

    public string? KmsKeyId { get; init; }
}
