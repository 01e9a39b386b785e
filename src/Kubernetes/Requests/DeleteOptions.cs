namespace Skyforge.Kubernetes.Requests;

/// <summary>The <c>DeleteOptions</c> body of a delete request.</summary>
public sealed record DeleteOptions
{
    public PropagationPolicy? PropagationPolicy { get; init; }

    /// <summary>Delete only if the object still has this UID (not a newer object of the same name).</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the object is still at this resourceVersion.</summary>
    public string? PreconditionResourceVersion { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public bool DryRun { get; init; }
}
