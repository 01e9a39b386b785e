using System.Text.Json.Serialization;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>How a new version replaces the old one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutStrategy>))]
public enum RolloutStrategy
{
    /// <summary>Replace pods gradually within maxSurge/maxUnavailable.</summary>
    RollingUpdate,

    /// <summary>Bring up the new colour beside the old one and switch the Service when it is fully ready.</summary>
    BlueGreen,

    /// <summary>Send a growing share of traffic to the new version, step by step.</summary>
    Canary,
}
