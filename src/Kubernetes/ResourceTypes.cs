namespace Skyforge.Kubernetes;

/// <summary>The built-in resources an operator commonly touches.</summary>
public static class ResourceTypes
{
    public static ResourceType Namespaces { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);
    public static ResourceType Secrets { get; } = new("", "v1", "secrets", "Secret", Namespaced: true);
    public static ResourceType ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", Namespaced: true);
    public static ResourceType Services { get; } = new("", "v1", "services", "Service", Namespaced: true);
    public static ResourceType ServiceAccounts { get; } = new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true);
    public static ResourceType Events { get; } = new("", "v1", "events", "Event", Namespaced: true);
    public static ResourceType Pods { get; } = new("", "v1", "pods", "Pod", Namespaced: true);
    public static ResourceType Deployments { get; } = new("apps", "v1", "deployments", "Deployment", Namespaced: true);
    public static ResourceType StatefulSets { get; } = new("apps", "v1", "statefulsets", "StatefulSet", Namespaced: true);
    public static ResourceType Jobs { get; } = new("batch", "v1", "jobs", "Job", Namespaced: true);
    public static ResourceType Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true);
    public static ResourceType CustomResourceDefinitions { get; } =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", Namespaced: false);
}
