namespace Skyforge.Kubernetes.Configuration;

/// <summary>Supplies the credential for each request; implementations cache and refresh as the source allows.</summary>
public interface ICredentialProvider
{
    ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The server rejected the credential (401): drop what is cached. Returns true when fetching again
    /// may yield a different credential, i.e. a retry is worth it.
    /// </summary>
    bool Invalidate();
}
