using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>
/// Default-deny ingress for the application's pods, then the allows its topology needs: web ports
/// from anywhere (ingress controllers and load balancers live outside the namespace), metrics ports
/// for scraping, and each in-cluster data service only from the services that use it.
/// </summary>
public static class NetworkPolicies
{
    public static IEnumerable<JsonObject> Build(AppPlatform app)
    {
        if (!(app.Spec.NetworkPolicy?.Enabled ?? true))
        {
            yield break;
        }
        var owner = AppNames.Identity(app);
        var appName = app.Metadata.Name!;
        var labels = Manifest.Labels(appName, appName, "network-policy", appName);

        var deny = Manifest.New("networking.k8s.io/v1", "NetworkPolicy", owner, $"{appName}-default-deny", labels);
        deny["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [Manifest.PartOfLabel] = appName } },
            ["policyTypes"] = new JsonArray("Ingress"),
        };
        yield return deny;

        foreach (var service in app.Spec.Services ?? [])
        {
            var ports = new JsonArray();
            if (service.Kind != ServiceKind.Worker && service.Port is { } port)
            {
                ports.Add(new JsonObject { ["protocol"] = "TCP", ["port"] = port });
            }
            if (service.Metrics is not null && (service.Metrics.Port ?? service.Port) is { } metricsPort && metricsPort != service.Port)
            {
                ports.Add(new JsonObject { ["protocol"] = "TCP", ["port"] = metricsPort });
            }
            if (ports.Count == 0)
            {
                continue;
            }
            var allow = Manifest.New("networking.k8s.io/v1", "NetworkPolicy", owner, $"{service.Name}-allow-ingress", AppNames.ServiceLabels(app, service.Name));
            allow["spec"] = new JsonObject
            {
                ["podSelector"] = new JsonObject { ["matchLabels"] = Manifest.ToObject(AppNames.Selector(app, service.Name)) },
                ["policyTypes"] = new JsonArray("Ingress"),
                ["ingress"] = new JsonArray(new JsonObject { ["ports"] = ports }),
            };
            yield return allow;
        }

        foreach (var name in InClusterDataServices(app.Spec))
        {
            var allow = Manifest.New("networking.k8s.io/v1", "NetworkPolicy", owner, $"{name}-allow-clients", labels);
            allow["spec"] = new JsonObject
            {
                ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [Manifest.InstanceLabel] = name } },
                ["policyTypes"] = new JsonArray("Ingress"),
                ["ingress"] = new JsonArray(
                    new JsonObject
                    {
                        ["from"] = new JsonArray(
                            new JsonObject { ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [AppNames.UsesLabelPrefix + name] = "true" } } },
                            // Skyforge's own Jobs (database and topic creation) and the engine's peers.
                            new JsonObject { ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [Manifest.InstanceLabel] = name } } }),
                    }),
            };
            yield return allow;
        }
    }

    private static IEnumerable<string> InClusterDataServices(AppPlatformSpec spec)
    {
        foreach (var database in spec.Databases ?? [])
        {
            if (database.Spec.Provider == Provider.InCluster)
            {
                yield return database.Name;
            }
        }
        foreach (var cache in spec.Caches ?? [])
        {
            if (cache.Spec.Provider == Provider.InCluster)
            {
                yield return cache.Name;
            }
        }
        foreach (var bus in spec.MessageBuses ?? [])
        {
            if (bus.Spec.Provider == Provider.InCluster || (bus.Spec.Provider is null && bus.Spec.Engine == BusEngine.RabbitMq))
            {
                yield return bus.Name;
            }
        }
    }
}
