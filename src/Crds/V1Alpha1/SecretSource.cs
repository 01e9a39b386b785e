using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Where the secret's values come from: exactly one of generate or awsSecretsManager.</summary>
[CelRule("has(self.generate) != has(self.awsSecretsManager)", "set exactly one of generate or awsSecretsManager")]
public sealed record SecretSource
{
    /// <summary>Generate values and store them in Secrets Manager.</summary>
    public GeneratedSecretSource? Generate { get; init; }

    /// <summary>Sync an existing Secrets Manager secret.</summary>
    public AwsSecretSource? AwsSecretsManager { get; init; }
}
