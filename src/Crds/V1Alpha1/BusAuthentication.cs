using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>How clients authenticate to the bus.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusAuthentication>))]
public enum BusAuthentication
{
    /// <summary>IAM access control (MSK), over TLS on port 9098.</summary>
    [JsonStringEnumMemberName("iam")]
    Iam,

    /// <summary>SASL/SCRAM with a generated user, over TLS.</summary>
    [JsonStringEnumMemberName("scram")]
    Scram,

    /// <summary>Mutual TLS.</summary>
    [JsonStringEnumMemberName("tls")]
    Tls,

    /// <summary>No authentication (in-cluster development).</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
