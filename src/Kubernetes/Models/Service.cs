using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>core/v1 Service.</summary>
public sealed record Service : IKubernetesObject
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Service";

    public ObjectMeta Metadata { get; init; } = new();

    public ServiceSpec? Spec { get; init; }

    public JsonObject? Status { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record ServiceSpec
{
    /// <summary><c>ClusterIP</c>, <c>NodePort</c>, <c>LoadBalancer</c> or <c>ExternalName</c>.</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    public IReadOnlyList<ServicePort>? Ports { get; init; }

    [JsonPropertyName("clusterIP")]
    public string? ClusterIp { get; init; }

    public string? ExternalName { get; init; }

    // Unmodelled fields survive a read-modify-write; the serializer needs a setter to fill them.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record ServicePort
{
    public string? Name { get; init; }

    public string? Protocol { get; init; }

    public int Port { get; init; }

    /// <summary>A port number or a named container port (IntOrString).</summary>
    public JsonNode? TargetPort { get; init; }

    public int? NodePort { get; init; }

    public string? AppProtocol { get; init; }
}
