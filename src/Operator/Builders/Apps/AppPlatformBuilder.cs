using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>
/// AppPlatform -> its child data-service resources and every workload object, in apply order:
/// children first (workloads wait for them), then per service its ServiceAccount, Deployments,
/// Services, HPA and PDB, then the Ingress, network policies and monitoring.
/// </summary>
public static class AppPlatformBuilder
{
    public static DesiredState Build(AppPlatform app)
    {
        var objects = new List<JsonObject>();
        objects.AddRange(ComposedChildren.Build(app));
        foreach (var service in app.Spec.Services ?? [])
        {
            objects.AddRange(Workloads.Build(app, service));
        }
        if (IngressBuilder.Build(app) is { } ingress)
        {
            objects.Add(ingress);
        }
        objects.AddRange(NetworkPolicies.Build(app));
        objects.AddRange(Observability.Build(app));
        return new DesiredState(objects, []);
    }
}
