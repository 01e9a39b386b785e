using System.Text.Json.Serialization;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.SecretsManager;

public sealed record DescribeSecretRequest
{
    public required string SecretId { get; init; }
}

public sealed record DescribeSecretResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? KmsKeyId { get; init; }

    public bool? RotationEnabled { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? LastChangedDate { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? LastAccessedDate { get; init; }

    /// <summary>Set while the secret is scheduled for deletion.</summary>
    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? DeletedDate { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    public IReadOnlyList<AwsTag>? Tags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? VersionIdsToStages { get; init; }

    public string? OwningService { get; init; }

    public string? PrimaryRegion { get; init; }

    public IReadOnlyList<ReplicationStatus>? ReplicationStatus { get; init; }
}
