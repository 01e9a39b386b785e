using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>batch/v1 Job; the pod template stays unstructured.</summary>
public sealed record Job : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "batch/v1";

    public string? Kind { get; init; } = "Job";

    public ObjectMeta Metadata { get; init; } = new();

    public JobSpec? Spec { get; init; }

    public JobStatus? Status { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record JobSpec
{
    public JsonObject? Template { get; init; }

    public int? BackoffLimit { get; init; }

    public int? Completions { get; init; }

    public int? Parallelism { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public int? TtlSecondsAfterFinished { get; init; }

    public bool? Suspend { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record JobStatus
{
    public int? Active { get; init; }

    public int? Succeeded { get; init; }

    public int? Failed { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? CompletionTime { get; init; }

    public IReadOnlyList<WorkloadCondition>? Conditions { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
