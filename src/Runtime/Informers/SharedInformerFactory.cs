using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.Informers;

/// <summary>
/// Hands out one <see cref="SharedInformer"/> per scope, so every controller interested in a resource
/// shares one list+watch and one cache. Informers created after <see cref="Start"/> start at once.
/// </summary>
public sealed class SharedInformerFactory : IAsyncDisposable
{
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly RuntimeMetrics _metrics;
    private readonly InformerOptions _options;
    private readonly ConcurrentDictionary<string, SharedInformer> _informers = new(StringComparer.Ordinal);
    private readonly Lock _startGate = new();
    private bool _started;

    /// <param name="defaultNamespace">The namespace informers watch unless told otherwise; null watches all.</param>
    public SharedInformerFactory(
        IKubernetesClient client,
        string? defaultNamespace,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null,
        RuntimeMetrics? metrics = null,
        InformerOptions? options = null)
    {
        _client = client;
        DefaultNamespace = defaultNamespace;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _metrics = metrics ?? new RuntimeMetrics();
        _options = options ?? new InformerOptions();
    }

    public string? DefaultNamespace { get; }

    public IReadOnlyCollection<SharedInformer> Informers => [.. _informers.Values];

    /// <summary>True when every informer has completed its first list.</summary>
    public bool AllSynced => _informers.Values.All(informer => informer.HasSynced);

    /// <summary>The informer of a resource in the default namespace scope, optionally narrowed by labels.</summary>
    public SharedInformer Get(ResourceType type, LabelSelector? selector = null) => Get(new InformerScope(type, DefaultNamespace, selector));

    public SharedInformer Get(InformerScope scope)
    {
        var normalized = scope with { Namespace = scope.Type.Namespaced ? scope.Namespace : null };
        var informer = _informers.GetOrAdd(
            normalized.Id,
            _ => new SharedInformer(_client, normalized, _timeProvider, _loggerFactory.CreateLogger<SharedInformer>(), _metrics, _options));
        lock (_startGate)
        {
            if (_started)
            {
                informer.Start();
            }
        }
        return informer;
    }

    /// <summary>Starts every informer, and any created later.</summary>
    public void Start()
    {
        lock (_startGate)
        {
            _started = true;
            foreach (var informer in _informers.Values)
            {
                informer.Start();
            }
        }
    }

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_informers.Values.Select(informer => informer.WaitForSyncAsync(cancellationToken)));

    public async Task StopAsync()
    {
        await Task.WhenAll(_informers.Values.Select(informer => informer.StopAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var informer in _informers.Values)
        {
            await informer.DisposeAsync();
        }
    }
}
