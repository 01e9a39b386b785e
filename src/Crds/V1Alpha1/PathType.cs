using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>How an ingress path matches.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PathType>))]
public enum PathType
{
    Prefix,
    Exact,
}
