using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Manifests;

namespace Skyforge.Operator.Tests.Builders.Apps;

public sealed class AppPlatformBuilderTests
{
    private static AppPlatform Parse(string spec)
    {
        var yaml = "apiVersion: platform.skyforge.dev/v1alpha1\nkind: AppPlatform\nmetadata:\n  name: shop\n  namespace: team\n  uid: 1d0c6c2e-0000-4000-8000-000000000001\nspec:\n" + spec;
        var (manifests, problems) = ManifestValidator.ValidateFiles([("test.yaml", yaml)]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return (AppPlatform)manifests.Single().Object;
    }

    private static List<JsonObject> Build(string spec) => AppPlatformBuilder.Build(Parse(spec)).Objects.ToList();

    private static JsonObject Get(List<JsonObject> objects, string kind, string name) =>
        objects.Single(o => o["kind"]!.GetValue<string>() == kind && o["metadata"]!["name"]!.GetValue<string>() == name);

    private static bool Has(List<JsonObject> objects, string kind, string name) =>
        objects.Any(o => o["kind"]!.GetValue<string>() == kind && o["metadata"]!["name"]!.GetValue<string>() == name);

    [Fact]
    public void Blue_green_builds_two_colours_and_points_the_service_at_blue()
    {
        var objects = Build("""
              target: eks
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
                  rollout: {strategy: BlueGreen}
            """);
        Assert.Equal(1, Get(objects, "Deployment", "web-blue")["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(0, Get(objects, "Deployment", "web-green")["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("blue", Get(objects, "Service", "web")["spec"]!["selector"]![AppNames.ColorLabel]!.GetValue<string>());
        Assert.False(Has(objects, "Deployment", "web"));
    }

    [Fact]
    public void Canary_on_k3s_splits_by_replica_ratio_behind_one_service()
    {
        var objects = Build("""
              target: k3s
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
                  route: {path: /}
                  rollout:
                    strategy: Canary
                    canary: {steps: [{weight: 20, pauseSeconds: 60}]}
            """);
        Assert.True(Has(objects, "Deployment", "web-canary"));
        Assert.False(Has(objects, "Service", "web-canary"));
        Assert.Null(Get(objects, "Service", "web")["spec"]!["selector"]![AppNames.TrackLabel]);
        Assert.Null(Get(objects, "Ingress", "shop")["metadata"]!["annotations"]);
    }

    [Fact]
    public void Prod_runs_at_least_two_pods_with_a_disruption_budget_and_retains_databases()
    {
        var objects = Build("""
              target: eks
              environment: prod
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
              databases:
                - name: db
                  spec: {engine: postgres}
            """);
        Assert.Equal(2, Get(objects, "Deployment", "web")["spec"]!["replicas"]!.GetValue<int>());
        Assert.True(Has(objects, "PodDisruptionBudget", "web"));
        var database = Get(objects, "ManagedDatabase", "db")["spec"]!;
        Assert.Equal("Retain", database["deletionPolicy"]!.GetValue<string>());
        Assert.True(database["deletionProtection"]!.GetValue<bool>());
        Assert.True(database["highAvailability"]!.GetValue<bool>());
    }

    [Fact]
    public void Dev_runs_one_pod_without_a_disruption_budget_and_leaves_database_defaults_to_its_crd()
    {
        var objects = Build("""
              target: eks
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
              databases:
                - name: db
                  spec: {engine: postgres}
            """);
        Assert.Equal(1, Get(objects, "Deployment", "web")["spec"]!["replicas"]!.GetValue<int>());
        Assert.False(Has(objects, "PodDisruptionBudget", "web"));
        Assert.Null(Get(objects, "ManagedDatabase", "db")["spec"]!["deletionPolicy"]);
    }

    [Fact]
    public void Children_are_owned_by_the_app_platform()
    {
        var objects = Build("""
              target: eks
              caches:
                - name: cache
                  spec: {engine: redis}
            """);
        var owner = Get(objects, "ManagedCache", "cache")["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("AppPlatform", owner["kind"]!.GetValue<string>());
        Assert.Equal("shop", owner["name"]!.GetValue<string>());
        Assert.Equal("1d0c6c2e-0000-4000-8000-000000000001", owner["uid"]!.GetValue<string>());
        Assert.True(owner["controller"]!.GetValue<bool>());
    }

    [Fact]
    public void A_synced_secret_comes_in_through_env_from_with_its_prefix()
    {
        var objects = Build("""
              target: eks
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
                  uses: [{secret: stripe, envPrefix: STRIPE}]
              secrets:
                - name: stripe
                  spec:
                    source: {awsSecretsManager: {secretId: prod/stripe}}
            """);
        var container = Get(objects, "Deployment", "web")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("STRIPE_", container["envFrom"]![0]!["prefix"]!.GetValue<string>());
        Assert.Equal("stripe", container["envFrom"]![0]!["secretRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Network_policies_deny_by_default_and_allow_web_ports_and_in_cluster_clients()
    {
        var objects = Build("""
              target: k3s
              services:
                - name: api
                  image: nginx:1.27
                  port: 8080
                  uses: [{messageBus: bus}]
                - name: jobs
                  kind: worker
                  image: busybox:1.36
              messageBuses:
                - name: bus
                  spec: {engine: rabbitmq}
            """);
        Assert.True(Has(objects, "NetworkPolicy", "shop-default-deny"));
        Assert.True(Has(objects, "NetworkPolicy", "api-allow-ingress"));
        Assert.False(Has(objects, "NetworkPolicy", "jobs-allow-ingress"));
        var clients = Get(objects, "NetworkPolicy", "bus-allow-clients").ToJsonString();
        Assert.Contains("skyforge.dev/uses-bus", clients);
        var apiPod = Get(objects, "Deployment", "api")["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.Equal("true", apiPod["skyforge.dev/uses-bus"]!.GetValue<string>());
    }

    [Fact]
    public void Network_policies_can_be_turned_off()
    {
        var objects = Build("""
              target: eks
              networkPolicy: {enabled: false}
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
            """);
        Assert.DoesNotContain(objects, o => o["kind"]!.GetValue<string>() == "NetworkPolicy");
    }

    [Fact]
    public void Workers_with_metrics_get_a_metrics_service_for_the_service_monitor()
    {
        var objects = Build("""
              target: eks
              observability: {serviceMonitor: true}
              services:
                - name: jobs
                  kind: worker
                  image: busybox:1.36
                  metrics: {port: 9100}
            """);
        var service = Get(objects, "Service", "jobs-metrics");
        Assert.Equal(9100, service["spec"]!["ports"]![0]!["port"]!.GetValue<int>());
        Assert.Equal("true", service["metadata"]!["labels"]![AppNames.MetricsLabel]!.GetValue<string>());
        Assert.True(Has(objects, "ServiceMonitor", "shop"));
    }

    [Fact]
    public void Credentials_are_only_ever_referenced_never_copied()
    {
        var objects = Build("""
              target: eks
              services:
                - name: web
                  image: nginx:1.27
                  port: 8080
                  uses: [{database: db}]
              databases:
                - name: db
                  spec: {engine: postgres}
            """);
        var env = Get(objects, "Deployment", "web")["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.All(env, variable => Assert.Null(variable!["value"]));
        Assert.Contains(env, variable => variable!["name"]!.GetValue<string>() == "DB_PASSWORD");
    }
}
