using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Topology of a cache.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CacheMode>))]
public enum CacheMode
{
    /// <summary>One node, no replicas.</summary>
    [JsonStringEnumMemberName("standalone")]
    Standalone,

    /// <summary>A primary with read replicas (cluster mode disabled).</summary>
    [JsonStringEnumMemberName("replicated")]
    Replicated,

    /// <summary>Data sharded across node groups (cluster mode enabled).</summary>
    [JsonStringEnumMemberName("cluster")]
    Cluster,

    /// <summary>ElastiCache Serverless.</summary>
    [JsonStringEnumMemberName("serverless")]
    Serverless,
}
