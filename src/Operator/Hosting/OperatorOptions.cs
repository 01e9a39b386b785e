using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Hosting;

/// <summary>
/// Operator-wide settings controllers read (as <c>IOptions&lt;OperatorOptions&gt;</c> or directly); the <c>run</c>
/// command fills them from its flags and environment.
/// </summary>
public sealed record OperatorOptions
{
    /// <summary>How often a stable resource is re-read to detect drift (<c>--drift-interval</c>).</summary>
    public TimeSpan DriftInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Provider for data services whose spec names none (<c>--default-provider</c>).</summary>
    public Provider DefaultProvider { get; init; } = Provider.Aws;

    /// <summary>Value of the <c>skyforge.dev/cluster</c> ownership tag on AWS resources (<c>--cluster-name</c>).</summary>
    public string ClusterName { get; init; } = "skyforge";

    /// <summary>
    /// Region for resources whose spec names none (<c>--aws-region</c>); null when not configured, in which case the
    /// AWS layer's region resolution (<c>AWS_REGION</c>, profile, instance metadata) applies.
    /// </summary>
    public string? DefaultRegion { get; init; }

    /// <summary>Reconcile workers per controller (<c>--max-concurrent-reconciles</c>).</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>The only namespace watched (<c>--namespace</c>); null watches every namespace.</summary>
    public string? WatchNamespace { get; init; }
}
