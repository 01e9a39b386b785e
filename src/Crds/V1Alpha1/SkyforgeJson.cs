using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>How Skyforge kinds map to JSON: camelCase names, unset fields omitted, enums as their manifest spelling.</summary>
public static class SkyforgeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
