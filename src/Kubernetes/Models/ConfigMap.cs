using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>core/v1 ConfigMap.</summary>
public sealed record ConfigMap : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "ConfigMap";

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public IReadOnlyDictionary<string, byte[]>? BinaryData { get; init; }

    public bool? Immutable { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
