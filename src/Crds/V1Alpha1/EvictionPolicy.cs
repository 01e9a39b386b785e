using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Redis maxmemory-policy: what is evicted when memory is full.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvictionPolicy>))]
public enum EvictionPolicy
{
    [JsonStringEnumMemberName("allkeys-lru")]
    AllKeysLru,

    [JsonStringEnumMemberName("allkeys-lfu")]
    AllKeysLfu,

    [JsonStringEnumMemberName("allkeys-random")]
    AllKeysRandom,

    [JsonStringEnumMemberName("volatile-lru")]
    VolatileLru,

    [JsonStringEnumMemberName("volatile-lfu")]
    VolatileLfu,

    [JsonStringEnumMemberName("volatile-random")]
    VolatileRandom,

    [JsonStringEnumMemberName("volatile-ttl")]
    VolatileTtl,

    [JsonStringEnumMemberName("noeviction")]
    NoEviction,
}
