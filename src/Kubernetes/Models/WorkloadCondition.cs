using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>The condition shape of Deployments, StatefulSets and Jobs (older than <c>metav1.Condition</c>).</summary>
public sealed record WorkloadCondition
{
    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public DateTimeOffset? LastUpdateTime { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
