using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 403: the identity may not perform this request.</summary>
public sealed class KubernetesForbiddenException : KubernetesApiException
{
    public KubernetesForbiddenException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
