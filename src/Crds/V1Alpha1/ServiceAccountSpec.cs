using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The workload's Kubernetes ServiceAccount.</summary>
public sealed record ServiceAccountSpec
{
    /// <summary>IAM role assumed through IRSA (EKS): the eks.amazonaws.com/role-arn annotation.</summary>
    [Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")]
    public string? IamRoleArn { get; init; }
}
