using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Storage encryption; storage is always encrypted, by default with the AWS-managed key.</summary>
public sealed record DatabaseEncryption
{
    /// <summary>KMS key ID or ARN to encrypt storage with instead of the AWS-managed key. Cannot change after creation.</summary>
    [Immutable, Length(1, 2048)]
    public string? KmsKeyId { get; init; }
}
