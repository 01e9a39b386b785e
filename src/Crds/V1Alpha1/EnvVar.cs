using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>An environment variable of the service's container.</summary>
[CelRule("has(self.value) != has(self.valueFrom)", "set exactly one of value or valueFrom")]
public sealed record EnvVar
{
    /// <summary>Variable name.</summary>
    [RequiredField, Length(1, 256), Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    public required string Name { get; init; }

    /// <summary>Literal value; never put a secret here, use valueFrom.</summary>
    public string? Value { get; init; }

    /// <summary>Value read from a Secret or ConfigMap.</summary>
    public EnvVarSource? ValueFrom { get; init; }
}
