using System.Text;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>Every flag of <c>skyforge run</c>, in the order the usage lists them.</summary>
public static class RunFlags
{
    public static readonly RunFlag KubeConfig = new("kubeconfig", "PATH", "kubeconfig file; else KUBECONFIG, the pod's service account, ~/.kube/config");
    public static readonly RunFlag Context = new("context", "NAME", "kubeconfig context", "the current context");
    public static readonly RunFlag Namespace = new("namespace", "NAME", "watch only this namespace", "all namespaces");
    public static readonly RunFlag LeaderElect = new("leader-elect", null, "elect one active replica through a Lease", "false");
    public static readonly RunFlag LeaderElectionNamespace = new(
        "leader-election-namespace", "NAME", "namespace of the Lease", "POD_NAMESPACE, else the pod's namespace, else default");
    public static readonly RunFlag LeaderElectionId = new("leader-election-id", "NAME", "name of the Lease", "skyforge-operator");
    public static readonly RunFlag MetricsAddress = new("metrics-addr", "[HOST]:PORT", "where /metrics listens", ":8080");
    public static readonly RunFlag HealthAddress = new("health-addr", "[HOST]:PORT", "where /healthz and /readyz listen", ":8081");
    public static readonly RunFlag AwsRegion = new("aws-region", "REGION", "AWS region for resources that name none", "AWS_REGION, profile, instance metadata");
    public static readonly RunFlag AwsEndpointUrl = new(
        "aws-endpoint-url", "URL", "one endpoint for every AWS service (an emulator)", "AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, AWS");
    public static readonly RunFlag DefaultProvider = new("default-provider", "aws|inCluster", "provider for data services that name none", "aws");
    public static readonly RunFlag DriftInterval = new("drift-interval", "DURATION", "how often stable resources are re-read, e.g. 10m, 90s, 1h", "10m");
    public static readonly RunFlag MaxConcurrentReconciles = new("max-concurrent-reconciles", "N", "reconcile workers per controller", "4");
    public static readonly RunFlag KubeApiQps = new("kube-api-qps", "N", "Kubernetes API requests per second the operator allows itself", "50");
    public static readonly RunFlag KubeApiBurst = new("kube-api-burst", "N", "Kubernetes API requests allowed in a burst above --kube-api-qps", "100");
    public static readonly RunFlag AwsApiQps = new("aws-api-qps", "N", "AWS API requests per second the operator allows itself, per service and region", "20");
    public static readonly RunFlag AwsApiBurst = new("aws-api-burst", "N", "AWS API requests allowed in a burst above --aws-api-qps", "40");
    public static readonly RunFlag ClusterName = new("cluster-name", "NAME", "value of the skyforge.dev/cluster tag on AWS resources", "skyforge");
    public static readonly RunFlag LogLevel = new("log-level", "LEVEL", "trace, debug, info, warn, error or critical", "info");

    public static IReadOnlyList<RunFlag> All { get; } =
    [
        KubeConfig, Context, Namespace, LeaderElect, LeaderElectionNamespace, LeaderElectionId, MetricsAddress, HealthAddress,
        AwsRegion, AwsEndpointUrl, DefaultProvider, DriftInterval, MaxConcurrentReconciles,
        KubeApiQps, KubeApiBurst, AwsApiQps, AwsApiBurst, ClusterName, LogLevel,
    ];

    public static string Usage { get; } = BuildUsage();

    private static string BuildUsage()
    {
        var usage = new StringBuilder()
            .AppendLine("usage: skyforge run [FLAGS]")
            .AppendLine()
            .AppendLine("Runs the operator's controllers until SIGTERM or SIGINT. Every flag can also be set through the")
            .AppendLine("environment variable shown (a flag beats the variable, the variable beats the default).")
            .AppendLine();
        foreach (var flag in All)
        {
            var syntax = flag.IsSwitch ? $"{flag.Option}[=true|false]" : $"{flag.Option} {flag.Placeholder}";
            usage.AppendLine($"  {syntax}")
                .AppendLine($"      {flag.Description}{(flag.Default is null ? "" : $" (default: {flag.Default})")}  [{flag.EnvironmentVariable}]");
        }
        return usage.ToString();
    }
}
