using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 429: the server is throttling; thrown once the client's bounded retries are used up.</summary>
public sealed class KubernetesTooManyRequestsException : KubernetesApiException
{
    public KubernetesTooManyRequestsException(int statusCode, ApiStatus? status, string message, TimeSpan? retryAfter)
        : base(statusCode, status, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked the client to wait, from Retry-After or the Status details.</summary>
    public TimeSpan? RetryAfter { get; }
}
