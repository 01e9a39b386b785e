namespace Skyforge.Kubernetes.Watching;

/// <summary>One event of a watch stream.</summary>
/// <param name="Object">The object after the change (for DELETED: its last state; for BOOKMARK: only kind, apiVersion and metadata).</param>
/// <param name="ResourceVersion">The object's <c>metadata.resourceVersion</c>: where a resumed watch starts.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T Object, string? ResourceVersion);
