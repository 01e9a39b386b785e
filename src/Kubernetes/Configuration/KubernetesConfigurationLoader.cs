namespace Skyforge.Kubernetes.Configuration;

/// <summary>
/// Finds the configuration the way controller-runtime does: an explicit kubeconfig path, else the
/// files in <c>KUBECONFIG</c>, else the pod's service account, else <c>~/.kube/config</c>.
/// </summary>
public static class KubernetesConfigurationLoader
{
    /// <param name="kubeConfigPath">An explicit <c>--kubeconfig</c>; it must exist.</param>
    /// <param name="context">An explicit <c>--context</c>; the current context otherwise.</param>
    /// <param name="environment">Reads environment variables (tests pass their own).</param>
    public static KubernetesClientConfiguration Load(
        string? kubeConfigPath,
        string? context,
        TimeProvider timeProvider,
        Func<string, string?>? environment = null,
        string serviceAccountDirectory = InClusterConfiguration.DefaultServiceAccountDirectory)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(kubeConfigPath))
        {
            return KubeConfig.LoadFile(kubeConfigPath).CreateConfiguration(context, timeProvider);
        }
        if (!string.IsNullOrWhiteSpace(environment("KUBECONFIG")))
        {
            return KubeConfig.LoadFiles(KubeConfig.DefaultPaths(environment)).CreateConfiguration(context, timeProvider);
        }
        if (context is null && InClusterConfiguration.IsAvailable(environment, serviceAccountDirectory))
        {
            return InClusterConfiguration.Load(environment, timeProvider, serviceAccountDirectory);
        }
        return KubeConfig.LoadFiles(KubeConfig.DefaultPaths(environment)).CreateConfiguration(context, timeProvider);
    }
}
