using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Errors;

/// <summary>HTTP 409: an object with this name already exists.</summary>
public sealed class KubernetesAlreadyExistsException : KubernetesApiException
{
    public KubernetesAlreadyExistsException(int statusCode, ApiStatus? status, string message)
        : base(statusCode, status, message)
    {
    }
}
