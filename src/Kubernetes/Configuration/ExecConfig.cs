namespace Skyforge.Kubernetes.Configuration;

/// <summary>A kubeconfig <c>user.exec</c> stanza: a command that prints an ExecCredential, e.g. <c>aws eks get-token</c>.</summary>
public sealed record ExecConfig
{
    /// <summary><c>client.authentication.k8s.io/v1</c> or <c>client.authentication.k8s.io/v1beta1</c>.</summary>
    public required string ApiVersion { get; init; }

    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables for the plugin, on top of the operator's own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    public string? InstallHint { get; init; }

    public bool ProvideClusterInfo { get; init; }

    /// <summary><c>Never</c>, <c>IfAvailable</c> or <c>Always</c>; an operator is never interactive.</summary>
    public string? InteractiveMode { get; init; }
}
