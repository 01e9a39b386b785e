using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders;

/// <summary>Operator-wide settings every builder needs; builders read nothing else from the environment.</summary>
/// <param name="ClusterName">Value of the skyforge.dev/cluster ownership tag: which cluster's operator owns an AWS resource.</param>
/// <param name="DefaultRegion">Region for resources that do not set spec.region.</param>
/// <param name="DefaultProvider">Provider for data services that do not set spec.provider (kafka and postgres follow it; rabbitmq is always inCluster).</param>
public sealed record BuildContext(string ClusterName, string DefaultRegion, Provider DefaultProvider)
{
    public static BuildContext Default { get; } = new("skyforge", "us-east-1", Provider.Aws);
}
