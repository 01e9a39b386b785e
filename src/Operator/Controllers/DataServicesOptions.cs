using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers;

/// <summary>Settings of the data-service controllers (bound by the `run` host from its flags).</summary>
public sealed class DataServicesOptions
{
    /// <summary>Value of the skyforge.dev/cluster ownership tag; must stay stable while resources exist.</summary>
    public string ClusterName { get; set; } = "skyforge";

    /// <summary>Region of resources without spec.region; null takes the AWS clients' region.</summary>
    public string? DefaultRegion { get; set; }

    public Provider DefaultProvider { get; set; } = Provider.Aws;

    /// <summary>How often a stable resource is compared with AWS (--drift-interval).</summary>
    public TimeSpan DriftInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How soon a resource AWS is still changing is looked at again (jittered by ±20 %).</summary>
    public TimeSpan TransitionInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Days Secrets Manager keeps a deleted secret recoverable (7-30).</summary>
    public int SecretRecoveryWindowDays { get; set; } = 7;

    /// <summary>IAM role RDS publishes Enhanced Monitoring metrics with; databases asking for monitoring need it.</summary>
    public string? MonitoringRoleArn { get; set; }

    /// <summary>Reconcile workers per data-service controller (--max-concurrent-reconciles).</summary>
    public int Workers { get; set; } = 2;
}
