using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Serialization;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.IntegrationTests.Apps;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.DataServices;
using Skyforge.TestKit.ApiServer;
using Skyforge.TestKit.Workloads;

namespace Skyforge.Operator.IntegrationTests.Packaging;

/// <summary>
/// Everything the RBAC tests make the operator do in one namespace: a ManagedSecret (Secrets Manager on moto) and an
/// in-cluster ManagedDatabase, ManagedCache and MessageBus through create, update and delete, then an AppPlatform
/// composing all four data-service kinds and every workload kind, shrunk and deleted. <paramref name="user"/> plays kubectl.
/// </summary>
internal sealed class RbacScenario(TestApiServer server, KubernetesClient user, string @namespace)
{
    public async Task RunAsync()
    {
        await ReconcileManagedSecretAsync();
        await ReconcileInClusterDatabaseAsync();
        await ReconcileInClusterEngineAsync(SkyforgeResourceTypes.ManagedCaches, "sessions", InClusterCache("allkeys-lfu"), InClusterCache("allkeys-lru"));
        await ReconcileInClusterEngineAsync(SkyforgeResourceTypes.MessageBuses, "notifications", InClusterRabbitMq("512Mi"), InClusterRabbitMq("1Gi"));
        await ReconcileAppPlatformAsync();
    }

    /// <summary>An in-cluster ManagedDatabase in <paramref name="namespace"/>, for a test that checks it is left alone.</summary>
    public static JsonObject InClusterDatabase(string @namespace, string cpu) =>
        Manifest("ManagedDatabase", "inventory", @namespace, new JsonObject
        {
            ["engine"] = "postgres",
            ["version"] = "16",
            ["provider"] = "inCluster",
            ["databases"] = new JsonArray("inventory"),
            ["resources"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "256Mi", ["storageGiB"] = 5 },
            ["deletionPolicy"] = "Delete",
        });

    private async Task ReconcileManagedSecretAsync()
    {
        var type = SkyforgeResourceTypes.ManagedSecrets;
        await ApplyAsync(type, ManagedSecret("token"));
        await WaitForAsync(type, "api-keys", obj => DataServicesOperator.IsReady(obj), "Ready");
        await ApplyAsync(type, ManagedSecret("token", "webhook"));
        await WaitForAsync(type, "api-keys", obj => DataServicesOperator.IsReady(obj) && Generation(obj) == 2, "Ready at generation 2");
        await user.DeleteAsync(type, @namespace, "api-keys");
        await WaitForGoneAsync(type, "api-keys");
    }

    /// <summary>
    /// An AppPlatform (run by the `skyforge run` host) composing all four data-service kinds and every workload kind, then
    /// shrunk to one worker so that each of them is deleted again, then deleted.
    /// </summary>
    private async Task ReconcileAppPlatformAsync()
    {
        await using var workloads = WorkloadSimulator.Attach(server);
        MonitoringCrds.Install(server);
        var type = AppResourceTypes.AppPlatforms;
        await ApplyAsync(type, AppPlatform(full: true));
        await WaitForAsync(type, "storefront", DataServicesOperator.IsReady, "Ready");
        await WaitForAsync(AppResourceTypes.PrometheusRules, "storefront", _ => true, "applied");
        await ApplyAsync(type, AppPlatform(full: false));
        await WaitForGoneAsync(SkyforgeResourceTypes.ManagedSecrets, "storefront-key");
        await WaitForGoneAsync(AppResourceTypes.PrometheusRules, "storefront");
        await WaitForGoneAsync(ResourceTypes.Deployments, "web");
        await WaitForAsync(type, "storefront", DataServicesOperator.IsReady, "Ready with the worker alone");
        await user.DeleteAsync(type, @namespace, "storefront");
        await WaitForGoneAsync(type, "storefront");
    }

    private async Task ReconcileInClusterDatabaseAsync()
    {
        var type = SkyforgeResourceTypes.ManagedDatabases;
        await ApplyAsync(type, InClusterDatabase(@namespace, "250m"));
        await WaitForAsync(ResourceTypes.StatefulSets, "inventory", _ => true, "applied");
        await ReportReadyReplicasAsync("inventory", 1);
        await WaitForAsync(type, "inventory", DataServicesOperator.IsReady, "Ready");
        await ApplyAsync(type, InClusterDatabase(@namespace, "500m"));
        await WaitForAsync(type, "inventory", obj => DataServicesOperator.IsReady(obj) && Generation(obj) == 2, "Ready at generation 2");

        // A spec the operator rejects, then the good one again: the second "ready" event repeats the first (a patch of its count).
        var rejected = InClusterDatabase(@namespace, "500m");
        rejected["spec"]!["highAvailability"] = true;
        await ApplyAsync(type, rejected);
        await WaitForAsync(type, "inventory", obj => DataServicesOperator.Reason(obj, "Ready") == ConditionReasons.InvalidSpec, "InvalidSpec");
        await ApplyAsync(type, InClusterDatabase(@namespace, "500m"));
        await WaitForAsync(type, "inventory", obj => DataServicesOperator.IsReady(obj) && Generation(obj) == 4, "Ready at generation 4");
        await Eventually.ReturnsAsync(
            () => Task.FromResult(server.Store.List("", "events", @namespace)),
            events => events.Any(ev => ev["involvedObject"]?["name"]?.GetValue<string>() == "inventory" && ev["count"]?.GetValue<int>() >= 2),
            "a repeated event for the database");
        await user.DeleteAsync(type, @namespace, "inventory");
        await WaitForGoneAsync(type, "inventory");
    }

    /// <summary>An in-cluster engine (one StatefulSet named after the resource) through create, update and delete.</summary>
    private async Task ReconcileInClusterEngineAsync(ResourceType type, string name, JsonObject created, JsonObject updated)
    {
        await ApplyAsync(type, created);
        var statefulSet = await WaitForAsync(ResourceTypes.StatefulSets, name, _ => true, "applied");
        await ReportReadyReplicasAsync(name, statefulSet!["spec"]?["replicas"]?.GetValue<int>() ?? 1);
        await WaitForAsync(type, name, DataServicesOperator.IsReady, "Ready");
        await ApplyAsync(type, updated);
        await WaitForAsync(type, name, obj => DataServicesOperator.IsReady(obj) && Generation(obj) == 2, "Ready at generation 2");
        await user.DeleteAsync(type, @namespace, name);
        await WaitForGoneAsync(type, name);
    }

    /// <summary>Nothing runs pods here: the test writes the StatefulSet's status, as its controller would.</summary>
    private Task ReportReadyReplicasAsync(string statefulSet, int ready) =>
        user.PatchStatusAsync(ResourceTypes.StatefulSets, @namespace, statefulSet,
            KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["replicas"] = Math.Max(ready, 1), ["readyReplicas"] = ready } }));

    private Task ApplyAsync(ResourceType type, JsonObject obj) =>
        user.ApplyAsync(type, obj, new ApplyOptions { FieldManager = "kubectl", Force = true });

    private Task<JsonObject?> WaitForAsync(ResourceType type, string name, Func<JsonObject, bool> condition, string description) =>
        Eventually.ReturnsAsync(
            () => user.TryGetAsync(type, @namespace, name),
            current => current is not null && condition(current),
            $"{type.Kind} {name} {description}",
            TimeSpan.FromSeconds(20));

    private Task WaitForGoneAsync(ResourceType type, string name) =>
        Eventually.ReturnsAsync(() => user.TryGetAsync(type, @namespace, name), current => current is null, $"{type.Kind} {name} gone", TimeSpan.FromSeconds(20));

    private static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();

    private JsonObject AppPlatform(bool full) => YamlDocuments.Parse(full
        ? $$$"""
            apiVersion: platform.skyforge.dev/v1alpha1
            kind: AppPlatform
            metadata:
              name: storefront
              namespace: {{{@namespace}}}
            spec:
              target: k3s
              ingress: {host: shop.example.com}
              services:
                - name: web
                  image: shop:1
                  port: 8080
                  route: {path: /}
                  metrics: {port: 9090}
                  autoscaling: {minReplicas: 2, maxReplicas: 3}
                  uses:
                    - database: storefront-db
                    - cache: storefront-cache
                    - messageBus: storefront-bus
                    - secret: storefront-key
                - {name: worker, kind: worker, image: "shop-worker:1"}
              databases: [{name: storefront-db, spec: {engine: postgres, version: "16", provider: inCluster, deletionPolicy: Delete}}]
              caches: [{name: storefront-cache, spec: {engine: redis, version: "7.1", provider: inCluster, mode: replicated, deletionPolicy: Delete}}]
              messageBuses: [{name: storefront-bus, spec: {engine: rabbitmq, version: "3.12", provider: inCluster, deletionPolicy: Delete}}]
              secrets: [{name: storefront-key, spec: {source: {generate: {keys: [key]}}, deletionPolicy: Delete}}]
              observability: {serviceMonitor: true, alerts: {cpuPercent: 80}, dashboards: true}
            """
        : $$$"""
            apiVersion: platform.skyforge.dev/v1alpha1
            kind: AppPlatform
            metadata:
              name: storefront
              namespace: {{{@namespace}}}
            spec:
              target: k3s
              services:
                - {name: worker, kind: worker, image: "shop-worker:1"}
            """).Single()!.AsObject();

    private JsonObject ManagedSecret(params string[] keys) =>
        Manifest("ManagedSecret", "api-keys", @namespace, new JsonObject
        {
            ["source"] = new JsonObject { ["generate"] = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => (JsonNode)key)]) } },
            ["deletionPolicy"] = "Delete",
        });

    private JsonObject InClusterCache(string evictionPolicy) =>
        Manifest("ManagedCache", "sessions", @namespace, new JsonObject
        {
            ["engine"] = "redis",
            ["version"] = "7.1",
            ["provider"] = "inCluster",
            ["mode"] = "replicated",
            ["replicasPerShard"] = 1,
            ["evictionPolicy"] = evictionPolicy,
            ["deletionPolicy"] = "Delete",
        });

    private JsonObject InClusterRabbitMq(string memory) =>
        Manifest("MessageBus", "notifications", @namespace, new JsonObject
        {
            ["engine"] = "rabbitmq",
            ["provider"] = "inCluster",
            ["queues"] = new JsonArray(new JsonObject { ["name"] = "emails" }),
            ["resources"] = new JsonObject { ["cpu"] = "250m", ["memory"] = memory, ["storageGiB"] = 2 },
        });

    private static JsonObject Manifest(string kind, string name, string @namespace, JsonObject spec) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["spec"] = spec,
    };
}
