using System.Text.Json.Serialization;

namespace Skyforge.Aws.Kafka;

public sealed record ListTagsForResourceRequest
{
    [JsonPropertyName("resourceArn")]
    public required string ResourceArn { get; init; }
}

public sealed record ListTagsForResourceResponse
{
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
