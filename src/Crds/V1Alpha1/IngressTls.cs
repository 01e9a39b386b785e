using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>HTTPS: an ACM certificate (EKS) or a Kubernetes TLS Secret.</summary>
[CelRule("has(self.certificateArn) != has(self.secretName)", "set exactly one of certificateArn or secretName")]
public sealed record IngressTls
{
    /// <summary>ACM certificate ARN, terminated on the ALB.</summary>
    [Pattern("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$")]
    public string? CertificateArn { get; init; }

    /// <summary>Kubernetes TLS Secret holding the certificate.</summary>
    [Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? SecretName { get; init; }
}
