using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Horizontal pod autoscaling (HPA autoscaling/v2).</summary>
[CelRule("self.minReplicas <= self.maxReplicas", "must be >= minReplicas", FieldPath = ".maxReplicas",
    MessageExpression = "'must be >= minReplicas (' + string(self.minReplicas) + ')'")]
public sealed record AutoscalingSpec
{
    /// <summary>Lowest replica count.</summary>
    [Default("1"), Minimum(1), Maximum(1000)]
    public int? MinReplicas { get; init; }

    /// <summary>Highest replica count.</summary>
    [RequiredField, Minimum(1), Maximum(1000)]
    public required int MaxReplicas { get; init; }

    /// <summary>Average CPU utilization to hold, in percent of the request; 80 when neither target is set.</summary>
    [Minimum(1), Maximum(100)]
    public int? TargetCPUUtilization { get; init; }

    /// <summary>Average memory utilization to hold, in percent of the request.</summary>
    [Minimum(1), Maximum(100)]
    public int? TargetMemoryUtilization { get; init; }

    /// <summary>Seconds of lower recommendations before scaling down.</summary>
    [Default("300"), Minimum(0), Maximum(3600)]
    public int? ScaleDownStabilizationSeconds { get; init; }
}
