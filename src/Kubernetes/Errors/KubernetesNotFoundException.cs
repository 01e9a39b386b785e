using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 404: the object does not exist.</summary>
public sealed class KubernetesNotFoundException : KubernetesApiException
{
    public KubernetesNotFoundException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
