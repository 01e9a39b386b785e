namespace Skyforge.Kubernetes.Requests;

/// <summary>Options of a server-side apply request.</summary>
public sealed record ApplyOptions
{
    /// <summary>The manager that owns the applied fields; required by the API (the client's default is used when null).</summary>
    public string? FieldManager { get; init; }

    /// <summary>Take ownership of fields another manager owns instead of failing with a conflict.</summary>
    public bool Force { get; init; }

    /// <summary>A subresource such as <c>status</c>.</summary>
    public string? Subresource { get; init; }

    public bool DryRun { get; init; }
}
