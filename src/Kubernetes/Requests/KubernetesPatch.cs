using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skyforge.Kubernetes.Requests;

/// <summary>A patch body with its format.</summary>
public sealed record KubernetesPatch(PatchType Type, JsonNode Body)
{
    /// <summary>The HTTP content type that tells the API server how to apply the body.</summary>
    public string ContentType => Type switch
    {
        PatchType.Merge => KubernetesContentTypes.MergePatch,
        PatchType.Json => KubernetesContentTypes.JsonPatch,
        PatchType.StrategicMerge => KubernetesContentTypes.StrategicMergePatch,
        _ => throw new InvalidOperationException($"unknown patch type {Type}"),
    };

    public static KubernetesPatch Merge(JsonObject body) => new(PatchType.Merge, body);

    public static KubernetesPatch StrategicMerge(JsonObject body) => new(PatchType.StrategicMerge, body);

    /// <summary>A JSON patch from its operations, e.g. <c>{"op":"replace","path":"/spec/replicas","value":3}</c>.</summary>
    public static KubernetesPatch Json(JsonArray operations) => new(PatchType.Json, operations);

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(Body, Models.KubernetesJsonContext.Default.JsonNode);
}
