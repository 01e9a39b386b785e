using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>What the rollout planner decides from: one service's built Deployments and what the cluster reports.</summary>
/// <param name="Built">The builder's Deployments for the service (one, or the blue/green or stable/canary pair).</param>
/// <param name="Live">The service's Deployments as observed, by name.</param>
/// <param name="LiveService">The service's Kubernetes Service as observed (its selector carries the blue/green colour).</param>
public sealed record RolloutInput(
    AppPlatform App,
    AppService Service,
    IReadOnlyList<JsonObject> Built,
    IReadOnlyDictionary<string, ObservedDeployment> Live,
    JsonObject? LiveService,
    DateTimeOffset Now)
{
    public ObservedDeployment? LiveDeployment(string name) => Live.GetValueOrDefault(name);

    public JsonObject BuiltDeployment(string name) =>
        Built.First(deployment => deployment["metadata"]!["name"]!.GetValue<string>() == name);

    public bool AutoRollback => Service.Rollout?.AutoRollback ?? true;
}
