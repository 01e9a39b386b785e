using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Default-deny ingress for the application's pods plus the allows its topology needs.</summary>
public sealed record NetworkPolicySpec
{
    /// <summary>Create the NetworkPolicies.</summary>
    [Default("true")]
    public bool? Enabled { get; init; }
}
