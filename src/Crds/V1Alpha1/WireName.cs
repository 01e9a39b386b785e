using System.Text.Json;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The spelling of an enum value in manifests (e.g. AuroraMySql -> "aurora-mysql").</summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value).Trim('"');
}
