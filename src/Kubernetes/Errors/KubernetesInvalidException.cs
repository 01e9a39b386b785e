using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 422: the object failed validation; <see cref="Causes"/> name each offending field.</summary>
public sealed class KubernetesInvalidException : KubernetesApiException
{
    public KubernetesInvalidException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }

    public IReadOnlyList<ApiStatusCause> Causes => Status?.Details?.Causes ?? [];
}
