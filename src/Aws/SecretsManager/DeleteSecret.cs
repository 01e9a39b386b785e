using System.Text.Json.Serialization;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.SecretsManager;

/// <summary>Delete with a recovery window (7–30 days, default 30) or <see cref="ForceDeleteWithoutRecovery"/>, not both.</summary>
public sealed record DeleteSecretRequest
{
    public required string SecretId { get; init; }

    public long? RecoveryWindowInDays { get; init; }

    public bool? ForceDeleteWithoutRecovery { get; init; }
}

public sealed record DeleteSecretResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? DeletionDate { get; init; }
}
