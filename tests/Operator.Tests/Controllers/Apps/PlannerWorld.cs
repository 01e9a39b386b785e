using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Controllers.Apps;
using Skyforge.Operator.Manifests;

namespace Skyforge.Operator.Tests.Controllers.Apps;

/// <summary>
/// A tiny stand-in for the cluster around <see cref="RolloutPlanner"/>: it keeps one service's Deployments and
/// Service as the planner's applies leave them (generation bumps when the spec changes, as the API server does),
/// and the test plays the Deployment controller by completing or failing them.
/// </summary>
internal sealed class PlannerWorld
{
    private readonly string _specTemplate;
    private readonly string _service;

    public PlannerWorld(string specTemplate, string service = "web", string image = "shop:1")
    {
        _specTemplate = specTemplate;
        _service = service;
        Image = image;
    }

    public string Image { get; set; }

    public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public Dictionary<string, JsonObject> Deployments { get; } = new(StringComparer.Ordinal);

    public JsonObject? Service { get; private set; }

    public List<RolloutEvent> Events { get; } = [];

    public AppPlatform App => Parse(_specTemplate.Replace("{image}", Image, StringComparison.Ordinal));

    /// <summary>Plans once and applies the plan the way the reconciler does.</summary>
    public ServiceRollout Step()
    {
        var app = App;
        var service = app.Spec.Services!.Single(s => s.Name == _service);
        var objects = AppPlatformBuilder.Build(app).Objects;
        var built = objects.Where(o => o["kind"]!.GetValue<string>() == "Deployment"
            && o["metadata"]!["labels"]![Skyforge.Operator.Builders.Manifest.InstanceLabel]!.GetValue<string>() == $"shop-{_service}").ToList();
        var live = Deployments.ToDictionary(pair => pair.Key, pair => new ObservedDeployment(pair.Value), StringComparer.Ordinal);
        var plan = RolloutPlanner.Plan(new RolloutInput(app, service, built, live, Service, Now));
        foreach (var deployment in plan.Apply)
        {
            Put(deployment);
        }
        if (plan.ActiveColor is { } colour)
        {
            Service = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = _service },
                ["spec"] = new JsonObject { ["selector"] = new JsonObject { [AppNames.ColorLabel] = colour } },
            };
            if (plan.SwitchedAt is { } switchedAt)
            {
                RolloutAnnotations.Set(Service, RolloutAnnotations.SwitchedAt, switchedAt);
            }
        }
        Events.AddRange(plan.Events);
        return plan;
    }

    /// <summary>The Deployment controller finished: every replica of the current template is available.</summary>
    public void Complete(string name)
    {
        var deployment = Deployments[name];
        var replicas = deployment["spec"]!["replicas"]?.GetValue<int>() ?? 1;
        deployment["status"] = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]!["generation"]!.GetValue<long>(),
            ["replicas"] = replicas,
            ["updatedReplicas"] = replicas,
            ["readyReplicas"] = replicas,
            ["availableReplicas"] = replicas,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Available", ["status"] = "True", ["reason"] = "MinimumReplicasAvailable" },
                new JsonObject { ["type"] = "Progressing", ["status"] = "True", ["reason"] = "NewReplicaSetAvailable" }),
        };
    }

    /// <summary>The current template exceeded its progress deadline; the old pods still serve.</summary>
    public void Fail(string name)
    {
        var deployment = Deployments[name];
        var status = deployment["status"]?.AsObject() ?? [];
        status["observedGeneration"] = deployment["metadata"]!["generation"]!.GetValue<long>();
        status["updatedReplicas"] = 0;
        status["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "Available", ["status"] = "True", ["reason"] = "MinimumReplicasAvailable" },
            new JsonObject { ["type"] = "Progressing", ["status"] = "False", ["reason"] = "ProgressDeadlineExceeded" });
        deployment["status"] = status;
    }

    public string ImageOf(string name) => Deployments[name]["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    public int ReplicasOf(string name) => Deployments[name]["spec"]!["replicas"]?.GetValue<int>() ?? 1;

    public string? AnnotationOf(string name, string annotation) => RolloutAnnotations.Get(Deployments[name], annotation);

    private void Put(JsonObject applied)
    {
        var name = applied["metadata"]!["name"]!.GetValue<string>();
        var copy = applied.DeepClone().AsObject();
        if (Deployments.TryGetValue(name, out var existing))
        {
            var generation = existing["metadata"]!["generation"]!.GetValue<long>();
            var specChanged = !JsonNode.DeepEquals(existing["spec"], copy["spec"]);
            copy["metadata"]!["generation"] = specChanged ? generation + 1 : generation;
            copy["status"] = existing["status"]?.DeepClone();
        }
        else
        {
            copy["metadata"]!["generation"] = 1L;
        }
        Deployments[name] = copy;
    }

    private static AppPlatform Parse(string spec)
    {
        var yaml = "apiVersion: platform.skyforge.dev/v1alpha1\nkind: AppPlatform\nmetadata:\n  name: shop\n  namespace: team\n  uid: 1d0c6c2e-0000-4000-8000-000000000001\nspec:\n" + spec;
        var (manifests, problems) = ManifestValidator.ValidateFiles([("test.yaml", yaml)]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return (AppPlatform)manifests.Single().Object;
    }
}
