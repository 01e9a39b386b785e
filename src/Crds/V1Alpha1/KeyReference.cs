using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A key of a Secret or ConfigMap in the application's namespace.</summary>
public sealed record KeyReference
{
    /// <summary>Name of the Secret or ConfigMap.</summary>
    [RequiredField, Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public required string Name { get; init; }

    /// <summary>The key.</summary>
    [RequiredField, Length(1, 253), Pattern("^[-._a-zA-Z0-9]+$")]
    public required string Key { get; init; }

    /// <summary>Start the pod even when the key is missing.</summary>
    public bool? Optional { get; init; }
}
