using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>apps/v1 Deployment; the pod template stays unstructured.</summary>
public sealed record Deployment : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "apps/v1";

    public string? Kind { get; init; } = "Deployment";

    public ObjectMeta Metadata { get; init; } = new();

    public DeploymentSpec? Spec { get; init; }

    public DeploymentStatus? Status { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record DeploymentSpec
{
    public int? Replicas { get; init; }

    public MetaLabelSelector? Selector { get; init; }

    public JsonObject? Template { get; init; }

    public JsonObject? Strategy { get; init; }

    public int? MinReadySeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    public int? ProgressDeadlineSeconds { get; init; }

    public bool? Paused { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record DeploymentStatus
{
    public long? ObservedGeneration { get; init; }

    public int? Replicas { get; init; }

    public int? UpdatedReplicas { get; init; }

    public int? ReadyReplicas { get; init; }

    public int? AvailableReplicas { get; init; }

    public int? UnavailableReplicas { get; init; }

    public IReadOnlyList<WorkloadCondition>? Conditions { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
