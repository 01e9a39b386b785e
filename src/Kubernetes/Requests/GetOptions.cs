namespace Skyforge.Kubernetes.Requests;

/// <summary>Options of a get request.</summary>
public sealed record GetOptions
{
    /// <summary>A subresource such as <c>status</c>.</summary>
    public string? Subresource { get; init; }

    public string? ResourceVersion { get; init; }
}
