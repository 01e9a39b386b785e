using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record EncryptionInfo
{
    [JsonPropertyName("encryptionAtRest")]
    public EncryptionAtRest? EncryptionAtRest { get; init; }

    [JsonPropertyName("encryptionInTransit")]
    public EncryptionInTransit? EncryptionInTransit { get; init; }
}

public sealed record EncryptionAtRest
{
    [JsonPropertyName("dataVolumeKMSKeyId")]
    public required string DataVolumeKMSKeyId { get; init; }
}

public sealed record EncryptionInTransit
{
    /// <summary><c>TLS</c>, <c>TLS_PLAINTEXT</c> or <c>PLAINTEXT</c>.</summary>
    [JsonPropertyName("clientBroker")]
    public string? ClientBroker { get; init; }

    [JsonPropertyName("inCluster")]
    public bool? InCluster { get; init; }
}
