using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.IntegrationTests.Apps;

/// <summary>Checks every seed scenario makes on the cluster, object by object.</summary>
internal static class SeedAssertions
{
    /// <summary>Every object the builder makes for the live AppPlatform exists and holds every built field.</summary>
    public static void ClusterHoldsTheRender(AppScenario scenario, JsonObject liveApp)
    {
        var app = liveApp.Deserialize<AppPlatform>(SkyforgeJson.Options)!;
        var @namespace = app.Metadata.Namespace!;
        foreach (var built in AppPlatformBuilder.Build(app).Objects)
        {
            var type = AppResourceTypes.Of(built);
            if (AppResourceTypes.Optional.Contains(type))
            {
                continue;
            }
            var name = built["metadata"]!["name"]!.GetValue<string>();
            var live = scenario.Server.Store.Get(type.Group, type.Plural, @namespace, name);
            Assert.True(live is not null, $"{type.Kind} {name} was not created");
            Assert.True(JsonSubset.Contains(live, built), $"{type.Kind} {name} differs from the render:\nbuilt: {built.ToJsonString()}\nlive: {live!.ToJsonString()}");
        }
    }

    /// <summary>Every secretKeyRef and envFrom in every Deployment resolves to an existing Secret (and key), so no pod starts without its credentials.</summary>
    public static void EveryCredentialReferenceResolves(AppScenario scenario, string @namespace)
    {
        var deployments = scenario.List(ResourceTypes.Deployments, @namespace);
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var name = deployment["metadata"]!["name"]!.GetValue<string>();
            foreach (var container in deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().OfType<JsonObject>())
            {
                foreach (var reference in (container["env"] as JsonArray ?? []).OfType<JsonObject>().Select(env => env["valueFrom"]?["secretKeyRef"]).OfType<JsonObject>())
                {
                    var secretName = reference["name"]!.GetValue<string>();
                    var key = reference["key"]!.GetValue<string>();
                    var secret = scenario.Server.Store.Get("", "secrets", @namespace, secretName);
                    var optional = reference["optional"]?.GetValue<bool>() == true;
                    Assert.True(secret is not null || optional, $"Deployment {name} references Secret {secretName}, which does not exist");
                    Assert.True(optional || secret!["data"]?[key] is not null, $"Deployment {name} references key {key} of Secret {secretName}, which it lacks");
                }
                foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>().Select(from => from["secretRef"]).OfType<JsonObject>())
                {
                    var secretName = source["name"]!.GetValue<string>();
                    Assert.True(scenario.Server.Store.Get("", "secrets", @namespace, secretName) is not null, $"Deployment {name} takes env from Secret {secretName}, which does not exist");
                }
            }
        }
    }

    /// <summary>Workloads were created only after the data services they use were Ready.</summary>
    public static void WorkloadsWaitedForTheirDataServices(AppScenario scenario, JsonObject liveApp)
    {
        var app = liveApp.Deserialize<AppPlatform>(SkyforgeJson.Options)!;
        var @namespace = app.Metadata.Namespace!;
        foreach (var service in app.Spec.Services ?? [])
        {
            var deployment = scenario.List(ResourceTypes.Deployments, @namespace)
                .First(d => d["metadata"]!["labels"]![Builders.Manifest.InstanceLabel]!.GetValue<string>() == $"{app.Metadata.Name}-{service.Name}");
            var created = DateTimeOffset.Parse(deployment["metadata"]!["creationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var used in BindingEnvironment.UsedNames(service))
            {
                var child = Children(scenario, @namespace).Single(c => c["metadata"]!["name"]!.GetValue<string>() == used);
                var readySince = DateTimeOffset.Parse(AppScenario.Condition(child, "Ready")!["lastTransitionTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(created >= readySince, $"{service.Name} was created at {created:O}, before {used} was Ready at {readySince:O}");
            }
        }
    }

    public static IEnumerable<JsonObject> Children(AppScenario scenario, string @namespace) =>
        new[] { "manageddatabases", "managedcaches", "messagebuses", "managedsecrets" }
            .SelectMany(plural => scenario.Server.Store.List(Group.Name, plural, @namespace));

    public static JsonObject Container(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();

    public static string? EnvSecret(JsonObject deployment, string variable) =>
        (Container(deployment)["env"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(env => env["name"]?.GetValue<string>() == variable)?["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>();
}
