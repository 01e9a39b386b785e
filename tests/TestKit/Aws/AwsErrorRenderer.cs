using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Skyforge.TestKit.Aws;

/// <summary>Writes an AWS error in the real shape of each protocol (query XML, JSON 1.1 <c>__type</c>, REST-JSON header).</summary>
internal static class AwsErrorRenderer
{
    public static async Task WriteAsync(HttpResponse response, ClassifiedRequest request, AwsFault fault, CancellationToken cancellationToken)
    {
        var (code, status) = CodeAndStatus(request.Protocol, fault);
        var requestId = Guid.NewGuid().ToString();
        response.StatusCode = status;
        if (fault.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        string body;
        switch (request.Protocol)
        {
            case AwsProtocol.Query:
                response.ContentType = "text/xml";
                var type = status >= 500 ? "Receiver" : "Sender";
                body = $"<ErrorResponse><Error><Type>{type}</Type><Code>{SecurityElement.Escape(code)}</Code>"
                    + $"<Message>{SecurityElement.Escape(fault.Message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
                break;
            case AwsProtocol.Json:
                response.ContentType = "application/x-amz-json-1.1";
                response.Headers["x-amzn-RequestId"] = requestId;
                body = new JsonObject { ["__type"] = code, ["message"] = fault.Message }.ToJsonString();
                break;
            default:
                response.ContentType = "application/json";
                response.Headers["x-amzn-RequestId"] = requestId;
                response.Headers["x-amzn-ErrorType"] = code;
                body = new JsonObject { ["message"] = fault.Message }.ToJsonString();
                break;
        }
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
    }

    private static (string Code, int Status) CodeAndStatus(AwsProtocol protocol, AwsFault fault) => fault.Kind switch
    {
        AwsFaultKind.Throttle => protocol switch
        {
            AwsProtocol.Query => ("Throttling", 400),
            AwsProtocol.Json => ("ThrottlingException", 400),
            _ => ("TooManyRequestsException", 429),
        },
        AwsFaultKind.ServerError => protocol switch
        {
            AwsProtocol.Query => (fault.StatusCode == 503 ? "ServiceUnavailable" : "InternalFailure", fault.StatusCode),
            AwsProtocol.Json => ("InternalServiceError", fault.StatusCode),
            _ => (fault.StatusCode == 503 ? "ServiceUnavailableException" : "InternalServerErrorException", fault.StatusCode),
        },
        _ => (fault.ErrorCode ?? "Unknown", fault.StatusCode),
    };
}
