namespace Skyforge.Kubernetes.Models;

/// <summary><c>metav1.OwnerReference</c>: the owner is in the dependent's namespace (or cluster-scoped).</summary>
public sealed record OwnerReference
{
    public string ApiVersion { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Name { get; init; } = "";

    public string Uid { get; init; } = "";

    /// <summary>True on the one owner that manages this object.</summary>
    public bool? Controller { get; init; }

    public bool? BlockOwnerDeletion { get; init; }
}
