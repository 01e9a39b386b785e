using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>apps/v1 StatefulSet; the pod template and claim templates stay unstructured.</summary>
public sealed record StatefulSet : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "apps/v1";

    public string? Kind { get; init; } = "StatefulSet";

    public ObjectMeta Metadata { get; init; } = new();

    public StatefulSetSpec? Spec { get; init; }

    public StatefulSetStatus? Status { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record StatefulSetSpec
{
    public int? Replicas { get; init; }

    public MetaLabelSelector? Selector { get; init; }

    public string? ServiceName { get; init; }

    public JsonObject? Template { get; init; }

    public JsonArray? VolumeClaimTemplates { get; init; }

    public string? PodManagementPolicy { get; init; }

    public JsonObject? UpdateStrategy { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record StatefulSetStatus
{
    public long? ObservedGeneration { get; init; }

    public int? Replicas { get; init; }

    public int? ReadyReplicas { get; init; }

    public int? CurrentReplicas { get; init; }

    public int? UpdatedReplicas { get; init; }

    public int? AvailableReplicas { get; init; }

    public string? CurrentRevision { get; init; }

    public string? UpdateRevision { get; init; }

    public IReadOnlyList<WorkloadCondition>? Conditions { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
