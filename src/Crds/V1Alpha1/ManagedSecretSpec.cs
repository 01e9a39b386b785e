using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>A secret generated or synced through AWS Secrets Manager and projected into a Kubernetes Secret.</summary>
[CelRule("!has(self.rotation) || has(self.source.generate)", "rotation applies to generated secrets only", FieldPath = ".rotation")]
[CelRule("!has(self.awsSecretName) || has(self.source.generate)", "awsSecretName applies to generated secrets; synced secrets are named by source.awsSecretsManager.secretId", FieldPath = ".awsSecretName")]
public sealed record ManagedSecretSpec
{
    /// <summary>Where the values come from.</summary>
    [RequiredField]
    public required SecretSource Source { get; init; }

    /// <summary>Name in Secrets Manager for generated secrets; derived from namespace and name when unset. Cannot change after creation.</summary>
    [Immutable, Length(1, 512), Pattern("^[a-zA-Z0-9/_+=.@-]+$")]
    public string? AwsSecretName { get; init; }

    /// <summary>Name of the Kubernetes Secret written; default the resource's name.</summary>
    [Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? TargetSecretName { get; init; }

    /// <summary>How often the Kubernetes Secret is refreshed from Secrets Manager, e.g. 15m or 1h.</summary>
    [Default("\"1h\""), Pattern(Patterns.Duration)]
    public string? RefreshInterval { get; init; }

    /// <summary>Regenerate values on a schedule (generate only).</summary>
    public SecretRotation? Rotation { get; init; }

    /// <summary>Extra AWS tags; keys under skyforge.dev/ are reserved for ownership tags.</summary>
    [MaxProperties(40)]
    [CelRule("self.all(k, !k.startsWith('skyforge.dev/') && !k.startsWith('aws:'))", "tag keys starting with skyforge.dev/ or aws: are reserved")]
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>AWS region; the operator's default region when unset. Cannot change after creation.</summary>
    [Immutable, Pattern(Patterns.AwsRegion)]
    public string? Region { get; init; }

    /// <summary>What happens in Secrets Manager when this object is deleted.</summary>
    [Default("\"Retain\"")]
    public SecretDeletionPolicy? DeletionPolicy { get; init; }
}
