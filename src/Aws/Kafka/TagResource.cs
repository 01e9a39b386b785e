using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record TagResourceRequest
{
    [JsonPropertyName("resourceArn")]
    public required string ResourceArn { get; init; }

    [JsonPropertyName("tags")]
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
