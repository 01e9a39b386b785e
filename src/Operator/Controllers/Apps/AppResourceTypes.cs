using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The REST resources the AppPlatform controller reconciles, applies and watches.</summary>
public static class AppResourceTypes
{
    public static ResourceType AppPlatforms { get; } = new(Group.Name, Group.Version, "appplatforms", "AppPlatform", Namespaced: true);
    public static ResourceType HorizontalPodAutoscalers { get; } = new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", Namespaced: true);
    public static ResourceType PodDisruptionBudgets { get; } = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", Namespaced: true);
    public static ResourceType Ingresses { get; } = new("networking.k8s.io", "v1", "ingresses", "Ingress", Namespaced: true);
    public static ResourceType NetworkPolicies { get; } = new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", Namespaced: true);
    public static ResourceType ServiceMonitors { get; } = new("monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", Namespaced: true);
    public static ResourceType PrometheusRules { get; } = new("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule", Namespaced: true);

    /// <summary>Kinds that exist only when the Prometheus Operator's CRDs are installed: applied after a discovery check, never watched.</summary>
    public static IReadOnlyList<ResourceType> Optional { get; } = [ServiceMonitors, PrometheusRules];

    /// <summary>Everything an AppPlatform owns that is always served, watched so that changes to it (or its deletion) reconcile the owner.</summary>
    public static IReadOnlyList<ResourceType> Watched { get; } =
    [
        SkyforgeResourceTypes.ManagedDatabases, SkyforgeResourceTypes.ManagedCaches, SkyforgeResourceTypes.MessageBuses, SkyforgeResourceTypes.ManagedSecrets,
        ResourceTypes.ServiceAccounts, ResourceTypes.Deployments, ResourceTypes.Services, HorizontalPodAutoscalers, PodDisruptionBudgets,
        Ingresses, NetworkPolicies, ResourceTypes.ConfigMaps,
    ];

    public static ResourceType Of(JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        return Watched.Concat(Optional).FirstOrDefault(type => type.ApiVersion == apiVersion && type.Kind == kind)
            ?? throw new InvalidOperationException($"the AppPlatform controller does not manage {apiVersion} {kind}");
    }

    /// <summary>Whether the type is one of the Skyforge data-service kinds (composed children).</summary>
    public static bool IsDataService(ResourceType type) => type.Group == Group.Name;
}
