using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Values the operator generates with a cryptographic random generator and stores in Secrets Manager.</summary>
public sealed record GeneratedSecretSource
{
    /// <summary>Length of each generated value.</summary>
    [Default("32"), Minimum(16), Maximum(4096)]
    public int? Length { get; init; }

    /// <summary>Keys to generate, one value each.</summary>
    [Default("[\"value\"]"), Items(1, 32), ListSet, ItemPattern("^[-._a-zA-Z0-9]+$")]
    public List<string>? Keys { get; init; }

    /// <summary>Alphabet of the generated values.</summary>
    [Default("\"alphanumeric\"")]
    public SecretCharacters? Characters { get; init; }
}
