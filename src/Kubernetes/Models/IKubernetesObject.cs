namespace Skyforge.Kubernetes.Models;

/// <summary>A typed Kubernetes object: apiVersion, kind and standard metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; }

    string? Kind { get; }

    ObjectMeta Metadata { get; }
}
