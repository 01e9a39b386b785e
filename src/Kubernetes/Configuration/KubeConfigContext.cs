namespace Skyforge.Kubernetes.Configuration;

/// <summary>A kubeconfig <c>contexts[].context</c> entry.</summary>
public sealed record KubeConfigContext(string Name, string Cluster, string User, string? Namespace);
