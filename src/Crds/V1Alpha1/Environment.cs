using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Deployment stage; prod tightens defaults.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Environment>))]
public enum Environment
{
    [JsonStringEnumMemberName("dev")]
    Dev,

    [JsonStringEnumMemberName("qa")]
    Qa,

    [JsonStringEnumMemberName("staging")]
    Staging,

    /// <summary>At least 2 replicas per web service, Multi-AZ databases with deletion protection and Retain.</summary>
    [JsonStringEnumMemberName("prod")]
    Prod,
}
