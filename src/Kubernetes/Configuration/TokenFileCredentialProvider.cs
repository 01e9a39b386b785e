namespace Skyforge.Kubernetes.Configuration;

/// <summary>
/// A bearer token read from a file that something else rotates (the kubelet for projected
/// service-account tokens). The file is re-read once the cached copy is older than the refresh
/// interval, or at once after the server rejected the token.
/// </summary>
public sealed class TokenFileCredentialProvider : ICredentialProvider
{
    /// <summary>client-go re-reads projected tokens every minute; the kubelet rotates them well before expiry.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshInterval;
    private readonly Lock _gate = new();
    private KubernetesCredential? _cached;
    private DateTimeOffset _readAt;

    public TokenFileCredentialProvider(string path, TimeProvider timeProvider, TimeSpan? refreshInterval = null)
    {
        _path = path;
        _timeProvider = timeProvider;
        _refreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    public async ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_cached is not null && now - _readAt < _refreshInterval)
            {
                return _cached;
            }
        }
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_path, cancellationToken)).Trim();
        }
        catch (IOException ex)
        {
            throw new KubeConfigException($"cannot read the token file {_path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new KubeConfigException($"cannot read the token file {_path}: {ex.Message}", ex);
        }
        if (token.Length == 0)
        {
            throw new KubeConfigException($"the token file {_path} is empty");
        }
        var credential = new KubernetesCredential { BearerToken = token };
        lock (_gate)
        {
            _cached = credential;
            _readAt = now;
        }
        return credential;
    }

    public bool Invalidate()
    {
        lock (_gate)
        {
            _cached = null;
        }
        return true;
    }
}
