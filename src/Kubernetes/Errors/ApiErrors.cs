using System.Text.Json;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>Turns an error answer (HTTP status plus an optional <c>Status</c> body) into a typed exception.</summary>
public static class ApiErrors
{
    /// <summary>Parses <paramref name="body"/> as a Status when it is one; any other body yields null.</summary>
    public static ApiStatus? TryParseStatus(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }
        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.ApiStatus);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The exception for an error answer; the Status reason wins over the HTTP code where both exist.</summary>
    /// <param name="statusCode">The HTTP status, or for a watch ERROR event the code inside its Status.</param>
    public static KubernetesApiException FromStatus(int statusCode, ApiStatus? status, TimeSpan? retryAfter = null)
    {
        var code = statusCode;
        var message = string.IsNullOrWhiteSpace(status?.Message)
            ? $"the API server answered HTTP {code}{(status?.Reason is { } reason ? $" ({reason})" : "")}"
            : status.Message;
        var retryAfterFromStatus = status?.Details?.RetryAfterSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return (status?.Reason, code) switch
        {
            ("NotFound", _) or (null or "", 404) => new KubernetesNotFoundException(code, status, message),
            ("AlreadyExists", _) => new KubernetesAlreadyExistsException(code, status, message),
            ("Conflict", _) or (null or "", 409) => new KubernetesConflictException(code, status, message),
            ("Invalid", _) or (null or "", 422) => new KubernetesInvalidException(code, status, message),
            ("Gone" or "Expired", _) or (_, 410) => new KubernetesGoneException(code, status, message),
            ("Unauthorized", _) or (null or "", 401) => new KubernetesUnauthorizedException(code, status, message),
            ("Forbidden", _) or (null or "", 403) => new KubernetesForbiddenException(code, status, message),
            ("TooManyRequests", _) or (_, 429) => new KubernetesTooManyRequestsException(code, status, message, retryAfter ?? retryAfterFromStatus),
            _ => new KubernetesApiException(code, status, message),
        };
    }
}
