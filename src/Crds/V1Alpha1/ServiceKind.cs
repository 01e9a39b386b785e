using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Whether a workload serves traffic.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))]
public enum ServiceKind
{
    /// <summary>Serves HTTP: gets a Service, and a route when one is set.</summary>
    [JsonStringEnumMemberName("web")]
    Web,

    /// <summary>Background processing: no Service, no route.</summary>
    [JsonStringEnumMemberName("worker")]
    Worker,
}
