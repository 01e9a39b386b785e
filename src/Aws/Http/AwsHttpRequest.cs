namespace Skyforge.Aws.Http;

/// <summary>
/// One protocol-encoded request before signing. <see cref="ResourcePath"/> may hold <c>{label}</c> placeholders,
/// filled from <see cref="PathLabels"/> (raw values; the URL builder percent-encodes them).
/// </summary>
public sealed record AwsHttpRequest(HttpMethod Method, string ResourcePath)
{
    public IReadOnlyDictionary<string, string> PathLabels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? ContentType { get; init; }

    public byte[] Body { get; init; } = [];
}
