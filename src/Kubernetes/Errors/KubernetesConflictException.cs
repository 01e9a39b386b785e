using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 409: the object changed since it was read (stale resourceVersion) or field ownership conflicts; re-read and retry.</summary>
public sealed class KubernetesConflictException : KubernetesApiException
{
    public KubernetesConflictException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
