using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>
/// The API server refused a request. Subclasses name the outcomes callers branch on; the parsed
/// <see cref="ApiStatus"/> (when the server sent one) carries the rest.
/// </summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException(int statusCode, ApiStatus? status, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Status = status;
    }

    /// <summary>The HTTP status code (or the Status code of a watch ERROR event).</summary>
    public int StatusCode { get; }

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c>; null when the body was not a Status.</summary>
    public string? Reason => Status?.Reason;

    public ApiStatus? Status { get; }
}
