using System.Collections.Concurrent;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Discovery;

/// <summary>
/// Answers "does the server serve this resource?" (e.g. are the Prometheus operator's CRDs installed),
/// caching each group/version's discovery document for a while so reconciles can ask freely.
/// </summary>
public sealed class ApiDiscovery
{
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromMinutes(1);

    private readonly IKubernetesClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _cacheDuration;
    private readonly ConcurrentDictionary<string, (ApiResourceList? Resources, DateTimeOffset FetchedAt)> _cache = new(StringComparer.Ordinal);

    public ApiDiscovery(IKubernetesClient client, TimeProvider timeProvider, TimeSpan? cacheDuration = null)
    {
        _client = client;
        _timeProvider = timeProvider;
        _cacheDuration = cacheDuration ?? DefaultCacheDuration;
    }

    public async Task<bool> IsServedAsync(ResourceType type, CancellationToken cancellationToken) =>
        await FindAsync(type.Group, type.Version, type.Plural, cancellationToken) is not null;

    /// <summary>The discovery entry of <paramref name="plural"/> in group/version; null when not served.</summary>
    public async Task<ApiResource?> FindAsync(string group, string version, string plural, CancellationToken cancellationToken)
    {
        var resources = await GetResourcesAsync(group, version, cancellationToken);
        return resources?.Resources.FirstOrDefault(resource => resource.Name == plural);
    }

    /// <summary>Drops cached answers, e.g. after a CRD was installed.</summary>
    public void Invalidate() => _cache.Clear();

    private async Task<ApiResourceList?> GetResourcesAsync(string group, string version, CancellationToken cancellationToken)
    {
        var key = $"{group}/{version}";
        var now = _timeProvider.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.FetchedAt < _cacheDuration)
        {
            return cached.Resources;
        }
        var resources = await _client.GetApiResourcesAsync(group, version, cancellationToken);
        _cache[key] = (resources, now);
        return resources;
    }
}
