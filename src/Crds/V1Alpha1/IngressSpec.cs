using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>The application's one Ingress; the services' routes become its paths.</summary>
public sealed record IngressSpec
{
    /// <summary>Host name, e.g. app.example.com; any host when unset.</summary>
    [Length(1, 253), Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    public string? Host { get; init; }

    /// <summary>Ingress class; alb on EKS and traefik on K3s when unset.</summary>
    [Length(1, 253)]
    public string? ClassName { get; init; }

    /// <summary>HTTPS settings.</summary>
    public IngressTls? Tls { get; init; }

    /// <summary>ALB scheme (EKS).</summary>
    [Default("\"internet-facing\"")]
    public IngressScheme? Scheme { get; init; }

    /// <summary>Redirect HTTP to HTTPS when TLS is set.</summary>
    [Default("true")]
    public bool? SslRedirect { get; init; }

    /// <summary>ALB group to share one load balancer between Ingresses (EKS).</summary>
    [Length(1, 63), Pattern("^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$")]
    public string? GroupName { get; init; }

    /// <summary>AWS WAFv2 web ACL attached to the ALB (EKS).</summary>
    [Pattern("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:.+$")]
    public string? WafAclArn { get; init; }
}
