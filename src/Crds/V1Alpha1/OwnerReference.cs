namespace Skyforge.Crds.V1Alpha1;

/// <summary>A Kubernetes ownerReference: the owner is garbage-collected together with its dependents.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid)
{
    public bool? Controller { get; init; }
    public bool? BlockOwnerDeletion { get; init; }
}
