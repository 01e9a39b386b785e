namespace Skyforge.Kubernetes.Requests;

/// <summary>Query parameters of a list request.</summary>
public sealed record ListOptions
{
    public LabelSelector? LabelSelector { get; init; }

    public FieldSelector? FieldSelector { get; init; }

    /// <summary>Page size; the response carries a continue token when more items remain.</summary>
    public int? Limit { get; init; }

    /// <summary>The continue token of the previous page.</summary>
    public string? Continue { get; init; }

    /// <summary>Serve the list at or after this resourceVersion (<c>"0"</c>: any cached version is fine).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary><c>NotOlderThan</c> or <c>Exact</c>, qualifying <see cref="ResourceVersion"/>.</summary>
    public string? ResourceVersionMatch { get; init; }

    public int? TimeoutSeconds { get; init; }
}
