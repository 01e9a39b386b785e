using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Where a data service runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Provider>))]
public enum Provider
{
    /// <summary>The managed AWS service, provisioned through its API.</summary>
    [JsonStringEnumMemberName("aws")]
    Aws,

    /// <summary>The engine as a StatefulSet in the resource's namespace (K3s and development clusters).</summary>
    [JsonStringEnumMemberName("inCluster")]
    InCluster,
}
