using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>EBS volume type of an RDS instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageType>))]
public enum StorageType
{
    [JsonStringEnumMemberName("gp3")]
    Gp3,

    [JsonStringEnumMemberName("gp2")]
    Gp2,

    [JsonStringEnumMemberName("io1")]
    Io1,

    [JsonStringEnumMemberName("io2")]
    Io2,
}
