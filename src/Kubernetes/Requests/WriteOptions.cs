namespace Skyforge.Kubernetes.Requests;

/// <summary>Options of a create or update (PUT) request.</summary>
public sealed record WriteOptions
{
    /// <summary>Recorded in managedFields; the client's default field manager is used when null.</summary>
    public string? FieldManager { get; init; }

    /// <summary>A subresource such as <c>status</c>.</summary>
    public string? Subresource { get; init; }

    /// <summary>Validate and admit the request without persisting it.</summary>
    public bool DryRun { get; init; }
}
