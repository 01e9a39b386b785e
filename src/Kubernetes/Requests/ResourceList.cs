namespace Skyforge.Kubernetes.Requests;

/// <summary>One page of a list, or a whole list collected across pages.</summary>
/// <param name="ResourceVersion">The version the list was served at; a watch started from it misses nothing.</param>
/// <param name="Continue">The token for the next page; null on the last page.</param>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue, long? RemainingItemCount);
