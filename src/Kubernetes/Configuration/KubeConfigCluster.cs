namespace Skyforge.Kubernetes.Configuration;

/// <summary>A kubeconfig <c>clusters[].cluster</c> entry; file paths are already absolute.</summary>
public sealed record KubeConfigCluster
{
    public required string Name { get; init; }

    public string? Server { get; init; }

    public string? CertificateAuthorityFile { get; init; }

    /// <summary>Base64 of the PEM bundle, as written in the kubeconfig.</summary>
    public string? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }
}
