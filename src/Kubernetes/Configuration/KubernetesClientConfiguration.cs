using System.Security.Cryptography.X509Certificates;

namespace Skyforge.Kubernetes.Configuration;

/// <summary>Everything needed to reach and authenticate to one API server, resolved from a kubeconfig or the pod's service account.</summary>
public sealed record KubernetesClientConfiguration
{
    public required Uri Server { get; init; }

    /// <summary>The name the server certificate must carry when it differs from the server's host.</summary>
    public string? TlsServerName { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The roots the server certificate must chain to; null trusts the system store.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>A static TLS client certificate with its private key.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    public ICredentialProvider? Credentials { get; init; }

    /// <summary>The default namespace: the context's, or the pod's own in-cluster.</summary>
    public string? Namespace { get; init; }

    /// <summary>The kubeconfig context this came from; null in-cluster.</summary>
    public string? ContextName { get; init; }
}
