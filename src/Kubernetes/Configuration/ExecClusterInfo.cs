namespace Skyforge.Kubernetes.Configuration;

/// <summary>The cluster details passed to an exec plugin in <c>KUBERNETES_EXEC_INFO</c> when it asks for them.</summary>
public sealed record ExecClusterInfo(string Server, string? CertificateAuthorityData, bool InsecureSkipTlsVerify, string? TlsServerName);
