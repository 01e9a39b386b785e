using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>An existing Secrets Manager secret to project; a JSON object becomes one key per member, a string the key `value`.</summary>
public sealed record AwsSecretSource
{
    /// <summary>Name or ARN of the secret.</summary>
    [RequiredField, Length(1, 2048)]
    public required string SecretId { get; init; }

    /// <summary>Version stage (e.g. AWSCURRENT) or version ID; the current version when unset.</summary>
    [Length(1, 64)]
    public string? Version { get; init; }
}
