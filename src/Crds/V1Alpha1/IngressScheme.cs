using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Whether the load balancer faces the internet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IngressScheme>))]
public enum IngressScheme
{
    [JsonStringEnumMemberName("internet-facing")]
    InternetFacing,

    [JsonStringEnumMemberName("internal")]
    Internal,
}
