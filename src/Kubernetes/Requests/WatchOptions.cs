namespace Skyforge.Kubernetes.Requests;

/// <summary>Query parameters of a watch request.</summary>
public sealed record WatchOptions
{
    /// <summary>Only changes after this version are sent; unset or <c>"0"</c> starts with a synthetic ADDED per object.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events, which advance the resourceVersion of an idle watch at no cost.</summary>
    public bool AllowWatchBookmarks { get; init; } = true;

    public LabelSelector? LabelSelector { get; init; }

    public FieldSelector? FieldSelector { get; init; }

    /// <summary>The server ends the stream after this many seconds; the caller watches again from the last version.</summary>
    public int? TimeoutSeconds { get; init; }
}
