using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Typed;

/// <summary>The built-in kinds with a model of their own.</summary>
public static class TypedResources
{
    public static TypedResource<Namespace> Namespaces { get; } = new(ResourceTypes.Namespaces, KubernetesJsonContext.Default.Namespace);
    public static TypedResource<Secret> Secrets { get; } = new(ResourceTypes.Secrets, KubernetesJsonContext.Default.Secret);
    public static TypedResource<ConfigMap> ConfigMaps { get; } = new(ResourceTypes.ConfigMaps, KubernetesJsonContext.Default.ConfigMap);
    public static TypedResource<Service> Services { get; } = new(ResourceTypes.Services, KubernetesJsonContext.Default.Service);
    public static TypedResource<ServiceAccount> ServiceAccounts { get; } = new(ResourceTypes.ServiceAccounts, KubernetesJsonContext.Default.ServiceAccount);
    public static TypedResource<Event> Events { get; } = new(ResourceTypes.Events, KubernetesJsonContext.Default.Event);
    public static TypedResource<Deployment> Deployments { get; } = new(ResourceTypes.Deployments, KubernetesJsonContext.Default.Deployment);
    public static TypedResource<StatefulSet> StatefulSets { get; } = new(ResourceTypes.StatefulSets, KubernetesJsonContext.Default.StatefulSet);
    public static TypedResource<Job> Jobs { get; } = new(ResourceTypes.Jobs, KubernetesJsonContext.Default.Job);
    public static TypedResource<Lease> Leases { get; } = new(ResourceTypes.Leases, KubernetesJsonContext.Default.Lease);
}
