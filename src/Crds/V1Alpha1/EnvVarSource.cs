using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Where an environment variable's value comes from.</summary>
[CelRule("has(self.secretKeyRef) != has(self.configMapKeyRef)", "set exactly one of secretKeyRef or configMapKeyRef")]
public sealed record EnvVarSource
{
    /// <summary>A key of a Secret.</summary>
    public KeyReference? SecretKeyRef { get; init; }

    /// <summary>A key of a ConfigMap.</summary>
    public KeyReference? ConfigMapKeyRef { get; init; }
}
