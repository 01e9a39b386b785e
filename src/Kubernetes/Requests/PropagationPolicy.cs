namespace Skyforge.Kubernetes.Requests;

/// <summary>How the garbage collector treats the dependents of a deleted object.</summary>
public enum PropagationPolicy
{
    /// <summary>Delete the owner now, dependents afterwards.</summary>
    Background,

    /// <summary>Keep the owner (with a deletionTimestamp) until dependents with blockOwnerDeletion are gone.</summary>
    Foreground,

    /// <summary>Delete the owner and leave its dependents.</summary>
    Orphan,
}
