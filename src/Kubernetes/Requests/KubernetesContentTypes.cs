namespace Skyforge.Kubernetes.Requests;

/// <summary>The media types of Kubernetes API request bodies.</summary>
public static class KubernetesContentTypes
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
}
