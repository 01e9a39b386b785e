using System.Text.Json;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols.Json;

/// <summary>
/// Reads awsJson1_1 and restJson1 errors: the code from <c>X-Amzn-ErrorType</c>, else the body's <c>code</c> or
/// <c>__type</c>, with any <c>namespace#</c> prefix and <c>:uri</c> suffix removed; the message from
/// <c>message</c>/<c>Message</c>; the request id from <c>x-amzn-RequestId</c>.
/// </summary>
internal sealed class JsonErrorParser : IAwsErrorParser
{
    public static readonly JsonErrorParser Instance = new();

    public AwsErrorInfo Parse(AwsHttpResponse response)
    {
        string? bodyCode = null;
        string? message = null;
        if (TryParseObject(response.Body, out var body))
        {
            bodyCode = StringMember(body, "code") ?? StringMember(body, "__type");
            message = StringMember(body, "message") ?? StringMember(body, "Message") ?? StringMember(body, "errorMessage");
        }
        var code = Sanitize(response.Header("X-Amzn-ErrorType")) ?? Sanitize(bodyCode) ?? "Unknown";
        var requestId = response.Header("x-amzn-RequestId") ?? response.Header("x-amz-request-id");
        return new AwsErrorInfo(code, message, requestId);
    }

    /// <summary>Strips <c>aws.namespace#</c> and <c>:http://…</c> decorations from an error type.</summary>
    public static string? Sanitize(string? errorType)
    {
        if (string.IsNullOrWhiteSpace(errorType))
        {
            return null;
        }
        var code = errorType.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }
        return code.Length == 0 ? null : code;
    }

    private static bool TryParseObject(byte[] body, out JsonElement element)
    {
        element = default;
        if (body.Length == 0)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringMember(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
