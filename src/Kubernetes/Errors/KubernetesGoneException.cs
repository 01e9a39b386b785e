using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 410: the resourceVersion is older than the server's history, or a continue token expired; list again.</summary>
public sealed class KubernetesGoneException : KubernetesApiException
{
    public KubernetesGoneException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
