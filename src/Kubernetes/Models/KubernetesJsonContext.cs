using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Skyforge.Kubernetes.Models;

/// <summary>Source-generated serialization of the client's models and of unstructured JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(ApiResourceList))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(IReadOnlyList<Condition>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(ServiceAccount))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Lease))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
