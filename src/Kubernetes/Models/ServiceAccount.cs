using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>core/v1 ServiceAccount (IRSA reads its <c>eks.amazonaws.com/role-arn</c> annotation).</summary>
public sealed record ServiceAccount : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "ServiceAccount";

    public ObjectMeta Metadata { get; init; } = new();

    public bool? AutomountServiceAccountToken { get; init; }

    public IReadOnlyList<LocalObjectReference>? ImagePullSecrets { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A reference to an object of a known kind in the same namespace.</summary>
public sealed record LocalObjectReference
{
    public string? Name { get; init; }
}
