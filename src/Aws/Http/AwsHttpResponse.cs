using System.Net;

namespace Skyforge.Aws.Http;

/// <summary>A complete service answer: status, headers (case-insensitive, first value) and body.</summary>
public sealed record AwsHttpResponse(HttpStatusCode StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
