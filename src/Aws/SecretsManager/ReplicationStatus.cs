using System.Text.Json.Serialization;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.SecretsManager;

public sealed record ReplicationStatus
{
    public string? Region { get; init; }

    public string? KmsKeyId { get; init; }

    public string? Status { get; init; }

    public string? StatusMessage { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? LastAccessedDate { get; init; }
}
