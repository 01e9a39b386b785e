namespace Skyforge.Kubernetes.Configuration;

/// <summary>A kubeconfig <c>users[].user</c> entry; file paths are already absolute.</summary>
public sealed record KubeConfigUser
{
    public required string Name { get; init; }

    public string? ClientCertificateFile { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKeyFile { get; init; }

    public string? ClientKeyData { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public ExecConfig? Exec { get; init; }

    // Records print every member; tokens, keys and passwords must never reach a log line.
    public override string ToString() => $"KubeConfigUser {Name}";
}
