using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>core/v1 Namespace.</summary>
public sealed record Namespace : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Namespace";

    public ObjectMeta Metadata { get; init; } = new();

    public NamespaceStatus? Status { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record NamespaceStatus
{
    /// <summary><c>Active</c> or <c>Terminating</c>.</summary>
    public string? Phase { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
