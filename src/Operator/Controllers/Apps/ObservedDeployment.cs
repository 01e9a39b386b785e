using System.Text.Json.Nodes;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>A Deployment as the cluster reports it, read the way `kubectl rollout status` reads it.</summary>
public sealed class ObservedDeployment(JsonObject obj)
{
    public JsonObject Object { get; } = obj;

    public string? TemplateHash => RolloutAnnotations.Get(Object, RolloutAnnotations.TemplateHash);

    public string? Annotation(string name) => RolloutAnnotations.Get(Object, name);

    public int SpecReplicas => Int(Object["spec"]?["replicas"]) ?? 1;

    public int ReadyReplicas => Int(Object["status"]?["readyReplicas"]) ?? 0;

    public int AvailableReplicas => Int(Object["status"]?["availableReplicas"]) ?? 0;

    public int UpdatedReplicas => Int(Object["status"]?["updatedReplicas"]) ?? 0;

    /// <summary>Whether the Deployment controller has seen the current spec.</summary>
    public bool Observed
    {
        get
        {
            var generation = Long(Object["metadata"]?["generation"]) ?? 0;
            var observed = Long(Object["status"]?["observedGeneration"]) ?? -1;
            return observed >= generation;
        }
    }

    /// <summary>Every replica runs the current template and is available.</summary>
    public bool Complete => Observed && UpdatedReplicas >= SpecReplicas && AvailableReplicas >= SpecReplicas
        && (SpecReplicas == 0 || Condition("Progressing") is not { } progressing || progressing.Reason == "NewReplicaSetAvailable");

    /// <summary>The current template made no progress within progressDeadlineSeconds.</summary>
    public bool Failed => Observed && Condition("Progressing") is { Status: "False", Reason: "ProgressDeadlineExceeded" };

    /// <summary>Enough replicas are available to serve (the Deployment's Available condition).</summary>
    public bool Available => SpecReplicas == 0 || Condition("Available") is { Status: "True" };

    private (string Status, string? Reason)? Condition(string type) =>
        (Object["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Where(condition => condition["type"]?.GetValue<string>() == type)
            .Select(condition => ((string Status, string? Reason)?)(condition["status"]?.GetValue<string>() ?? "Unknown", condition["reason"]?.GetValue<string>()))
            .FirstOrDefault();

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)Long(node);

    private static long? Long(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var number) ? number : value.TryGetValue<int>(out var small) ? small : value.TryGetValue<double>(out var real) ? (long)real : null
        : null;
}
