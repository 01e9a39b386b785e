namespace Skyforge.Kubernetes.Watching;

/// <summary>The kinds of watch event a client sees; ERROR events surface as exceptions instead.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>No change: only advances the resourceVersion the next watch may start from.</summary>
    Bookmark,
}
