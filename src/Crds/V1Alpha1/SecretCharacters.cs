using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Alphabet of generated secret values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SecretCharacters>))]
public enum SecretCharacters
{
    /// <summary>A-Z, a-z, 0-9: safe in URIs and shells.</summary>
    [JsonStringEnumMemberName("alphanumeric")]
    Alphanumeric,

    /// <summary>Printable ASCII without space, quotes and backslash.</summary>
    [JsonStringEnumMemberName("ascii")]
    Ascii,
}
