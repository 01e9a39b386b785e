namespace Skyforge.Kubernetes.Requests;

/// <summary>The patch formats the API accepts; server-side apply has its own request.</summary>
public enum PatchType
{
    /// <summary>RFC 7386: objects merge, <c>null</c> deletes, arrays are replaced.</summary>
    Merge,

    /// <summary>RFC 6902: a list of operations.</summary>
    Json,

    /// <summary>Kubernetes strategic merge: lists merge by key; built-in kinds only.</summary>
    StrategicMerge,
}
