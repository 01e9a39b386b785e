namespace Skyforge.Kubernetes.Requests;

/// <summary>Options of a patch request.</summary>
public sealed record PatchOptions
{
    /// <summary>Recorded in managedFields; the client's default field manager is used when null.</summary>
    public string? FieldManager { get; init; }

    /// <summary>A subresource such as <c>status</c>.</summary>
    public string? Subresource { get; init; }

    public bool DryRun { get; init; }
}
