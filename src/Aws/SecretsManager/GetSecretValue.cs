using System.Text.Json.Serialization;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.SecretsManager;

public sealed record GetSecretValueRequest
{
    public required string SecretId { get; init; }

    public string? VersionId { get; init; }

    public string? VersionStage { get; init; }
}

public sealed record GetSecretValueResponse
{
    public string? ARN { get; init; }

    public string? Name { get; init; }

    public string? VersionId { get; init; }

    public byte[]? SecretBinary { get; init; }

    public string? SecretString { get; init; }

    public IReadOnlyList<string>? VersionStages { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? CreatedDate { get; init; }
}
