using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>core/v1 Secret. <see cref="Data"/> values are raw bytes (base64 on the wire).</summary>
public sealed record Secret : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Secret";

    public ObjectMeta Metadata { get; init; } = new();

    public string? Type { get; init; }

    public IReadOnlyDictionary<string, byte[]>? Data { get; init; }

    /// <summary>Write-only convenience: the server merges these into <see cref="Data"/>.</summary>
    public IReadOnlyDictionary<string, string>? StringData { get; init; }

    public bool? Immutable { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    // Records print every member; a Secret must never put its values into a log line.
    public override string ToString() => $"Secret {Metadata.Namespace}/{Metadata.Name}";
}
