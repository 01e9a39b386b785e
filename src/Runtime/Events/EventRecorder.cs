using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Http;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;

namespace Skyforge.Runtime.Events;

/// <summary>
/// Writes core/v1 Events the way client-go's recorder does: a repeat of the same (object, type,
/// reason, message) patches the existing Event's <c>count</c> and <c>lastTimestamp</c> instead of
/// creating another; each object gets a token bucket so a hot loop cannot flood the API server.
/// </summary>
public sealed class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private static readonly TimeSpan DrainOnDispose = TimeSpan.FromSeconds(5);

    private readonly IKubernetesClient _client;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly LruCache<string, RecordedEvent> _recorded;
    private readonly LruCache<string, TokenBucket> _buckets;
    private readonly Channel<PendingEvent> _pending;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<Task> _writer;
    private long _sequence;
    private int _disposed;

    public EventRecorder(IKubernetesClient client, EventRecorderOptions? options, TimeProvider timeProvider, ILogger<EventRecorder>? logger = null)
    {
        _client = client;
        _options = options ?? new EventRecorderOptions();
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<EventRecorder>.Instance;
        _recorded = new LruCache<string, RecordedEvent>(_options.CacheSize);
        _buckets = new LruCache<string, TokenBucket>(_options.CacheSize);
        _pending = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(_options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        _writer = new Lazy<Task>(() => Task.Run(WriteQueuedAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public void Record(EventTarget target, EventKind kind, string reason, string message)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _ = _writer.Value;
        if (!_pending.Writer.TryWrite(new PendingEvent(target, kind, reason, message)))
        {
            _logger.LogWarning("Event queue full; dropped {Reason} event for {Kind} {Name}", reason, target.Kind, target.Name);
        }
    }

    /// <summary>Writes the event now (de-duplicated and rate-limited). Failures are logged, never thrown.</summary>
    /// <returns>True when an Event was created or updated; false when rate-limited or the write failed.</returns>
    public async Task<bool> RecordAsync(EventTarget target, EventKind kind, string reason, string message, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!Bucket(target).TryTake())
            {
                _logger.LogDebug("Event {Reason} for {Kind} {Name} suppressed by the rate limit", reason, target.Kind, target.Name);
                return false;
            }
            var text = message.Length > _options.MaxMessageLength ? message[.._options.MaxMessageLength] : message;
            var identity = string.Join('\u001f', target.Namespace, target.Kind, target.Name, target.Uid, kind, reason, text);
            var now = KubernetesTimeConverter.Truncate(_timeProvider.GetUtcNow());
            if (_recorded.TryGet(identity, out var previous) && await TryIncrementAsync(previous, now, cancellationToken))
            {
                _recorded.Set(identity, previous with { Count = previous.Count + 1 });
                return true;
            }
            var created = await CreateAsync(target, kind, reason, text, now, cancellationToken);
            _recorded.Set(identity, created);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Could not record event {Reason} for {Kind} {Name}: {Error}", reason, target.Kind, target.Name, ex.Message);
            return false;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container may dispose the same instance once per service it is registered as.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _pending.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            try
            {
                await _writer.Value.WaitAsync(DrainOnDispose, _timeProvider);
            }
            catch (TimeoutException)
            {
                await _stop.CancelAsync();
                await _writer.Value;
            }
        }
        await _stop.CancelAsync();
        _stop.Dispose();
        _writeGate.Dispose();
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            await foreach (var pending in _pending.Reader.ReadAllAsync(_stop.Token))
            {
                await RecordAsync(pending.Target, pending.Kind, pending.Reason, pending.Message, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed with events still queued: they are dropped.
        }
    }

    private TokenBucket Bucket(EventTarget target)
    {
        var key = string.Join('\u001f', target.Namespace, target.Kind, target.Name, target.Uid);
        if (!_buckets.TryGet(key, out var bucket))
        {
            bucket = new TokenBucket(1 / _options.RefillInterval.TotalSeconds, _options.Burst, _timeProvider);
            _buckets.Set(key, bucket);
        }
        return bucket;
    }

    private async Task<bool> TryIncrementAsync(RecordedEvent previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["count"] = previous.Count + 1,
            ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        try
        {
            await _client.PatchAsync(ResourceTypes.Events, previous.Namespace, previous.Name, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
            return true;
        }
        catch (KubernetesNotFoundException)
        {
            // Events expire (one hour by default); start a new one.
            return false;
        }
    }

    private async Task<RecordedEvent> CreateAsync(EventTarget target, EventKind kind, string reason, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var @namespace = target.Namespace ?? "default";
        var name = EventName(target.Name, now);
        var created = new Event
        {
            Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
            InvolvedObject = new ObjectReference
            {
                ApiVersion = target.ApiVersion,
                Kind = target.Kind,
                Namespace = target.Namespace,
                Name = target.Name,
                Uid = target.Uid,
            },
            Reason = reason,
            Message = message,
            Type = kind.ToString(),
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new EventSource { Component = _options.Component, Host = _options.Instance },
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Instance,
        };
        await _client.Resource(TypedResources.Events).CreateAsync(created, cancellationToken: cancellationToken);
        return new RecordedEvent(@namespace, name, 1);
    }

    // client-go names events "<object>.<hex timestamp>"; a counter keeps names unique within one second.
    private string EventName(string objectName, DateTimeOffset now)
    {
        var suffix = $"{now.UtcTicks:x}{Interlocked.Increment(ref _sequence) & 0xfff:x3}";
        var prefix = objectName.Length + suffix.Length + 1 > 253 ? objectName[..(252 - suffix.Length)] : objectName;
        return $"{prefix}.{suffix}";
    }

    private sealed record PendingEvent(EventTarget Target, EventKind Kind, string Reason, string Message);

    private sealed record RecordedEvent(string Namespace, string Name, int Count);
}
