namespace Skyforge.Kubernetes.Configuration;

/// <summary>
/// The configuration of a pod talking to its own cluster: <c>KUBERNETES_SERVICE_HOST/PORT</c>, the
/// service-account CA, and the projected token, re-read as the kubelet rotates it.
/// </summary>
public static class InClusterConfiguration
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>True when the environment and token file of a pod are present.</summary>
    public static bool IsAvailable(Func<string, string?> environment, string serviceAccountDirectory = DefaultServiceAccountDirectory) =>
        !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_PORT"))
        && File.Exists(Path.Combine(serviceAccountDirectory, "token"));

    /// <exception cref="KubeConfigException">Not running in a pod, or the service-account files are unusable.</exception>
    public static KubernetesClientConfiguration Load(
        Func<string, string?> environment,
        TimeProvider timeProvider,
        string serviceAccountDirectory = DefaultServiceAccountDirectory)
    {
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");
        }
        var tokenPath = Path.Combine(serviceAccountDirectory, "token");
        if (!File.Exists(tokenPath))
        {
            throw new KubeConfigException($"not running in a cluster: {tokenPath} does not exist");
        }
        // An IPv6 service address needs brackets inside a URL.
        var hostPart = host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
        if (!Uri.TryCreate($"https://{hostPart}:{port}", UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"KUBERNETES_SERVICE_HOST/PORT do not form a URL: {host}:{port}");
        }
        var caPath = Path.Combine(serviceAccountDirectory, "ca.crt");
        var namespacePath = Path.Combine(serviceAccountDirectory, "namespace");
        return new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = File.Exists(caPath) ? PemCertificates.LoadAuthorities(File.ReadAllText(caPath), caPath) : null,
            Credentials = new TokenFileCredentialProvider(tokenPath, timeProvider),
            Namespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : null,
        };
    }
}
