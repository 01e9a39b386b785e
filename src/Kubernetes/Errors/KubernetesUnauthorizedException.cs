using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 401: the credentials were missing, wrong or expired.</summary>
public sealed class KubernetesUnauthorizedException : KubernetesApiException
{
    public KubernetesUnauthorizedException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
