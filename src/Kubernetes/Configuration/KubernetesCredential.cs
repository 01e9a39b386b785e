using System.Security.Cryptography.X509Certificates;

namespace Skyforge.Kubernetes.Configuration;

/// <summary>What authenticates a request: a bearer token, basic auth, or a TLS client certificate.</summary>
public sealed record KubernetesCredential
{
    public static KubernetesCredential None { get; } = new();

    public string? BearerToken { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>When the credential stops being valid; null when it does not expire on its own.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    // Records print every member; credentials must never reach a log line.
    public override string ToString() => "KubernetesCredential";
}
