namespace Skyforge.Kubernetes.Configuration;

/// <summary>A fixed token or user/password from the kubeconfig.</summary>
public sealed class StaticCredentialProvider(KubernetesCredential credential) : ICredentialProvider
{
    public ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);

    public bool Invalidate() => false;
}
