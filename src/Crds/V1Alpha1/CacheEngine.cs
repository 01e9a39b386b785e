using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The cache engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CacheEngine>))]
public enum CacheEngine
{
    [JsonStringEnumMemberName("redis")]
    Redis,

    [JsonStringEnumMemberName("valkey")]
    Valkey,
}
