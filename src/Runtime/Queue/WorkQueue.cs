using System.Threading.Channels;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.Queue;

/// <summary>
/// The controller work queue, with client-go's guarantees: an item waits in the queue at most once
/// however often it is added; an item is never handed to two workers at once — adding it while it is
/// being processed marks it dirty, and it is queued again when the worker calls <see cref="Done"/>;
/// delayed adds keep only the earliest deadline; failed items come back after their rate limiter's delay.
/// </summary>
public sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly string _name;
    private readonly IRateLimiter<T> _rateLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly RuntimeMetrics? _metrics;
    private readonly Channel<T> _ready = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Lock _gate = new();
    private readonly HashSet<T> _dirty = [];
    private readonly Dictionary<T, long> _processingSince = [];
    private readonly Dictionary<T, long> _queuedSince = [];
    private readonly Dictionary<T, DelayedItem> _delayed = [];
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(string name, IRateLimiter<T> rateLimiter, TimeProvider timeProvider, RuntimeMetrics? metrics = null)
    {
        _name = name;
        _rateLimiter = rateLimiter;
        _timeProvider = timeProvider;
        _metrics = metrics;
    }

    /// <summary>Items waiting to be handed out (neither delayed nor being processed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queuedSince.Count;
            }
        }
    }

    /// <summary>Items scheduled by <see cref="AddAfter"/> or <see cref="AddRateLimited"/> whose time has not come.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_gate)
            {
                return _delayed.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(item))
            {
                return;
            }
            _metrics?.QueueAdded(_name);
            if (!_processingSince.ContainsKey(item))
            {
                EnqueueLocked(item);
            }
        }
    }

    /// <summary>Adds the item once <paramref name="delay"/> has passed; an earlier pending deadline wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }
            var readyAt = _timeProvider.GetUtcNow() + delay;
            if (_delayed.TryGetValue(item, out var pending))
            {
                if (readyAt < pending.ReadyAt)
                {
                    pending.ReadyAt = readyAt;
                    pending.Timer!.Change(delay, Timeout.InfiniteTimeSpan);
                }
                return;
            }
            var delayed = new DelayedItem(this, item, readyAt);
            // Created under the lock: the callback waits for it, so it never sees the entry without its timer.
            delayed.Timer = _timeProvider.CreateTimer(static state => ((DelayedItem)state!).Fire(), delayed, delay, Timeout.InfiniteTimeSpan);
            _delayed[item] = delayed;
        }
    }

    /// <summary>Drops the item's pending delayed add, if any (items already waiting to be handed out stay).</summary>
    public void CancelDelayed(T item)
    {
        lock (_gate)
        {
            if (_delayed.Remove(item, out var pending))
            {
                pending.Timer!.Dispose();
            }
        }
    }

    /// <summary>Adds the item after the delay its rate limiter assigns (a failure is recorded).</summary>
    public void AddRateLimited(T item)
    {
        _metrics?.QueueRetried(_name);
        AddAfter(item, _rateLimiter.When(item));
    }

    /// <summary>The item succeeded: reset its backoff. It does not remove the item from the queue.</summary>
    public void Forget(T item) => _rateLimiter.Forget(item);

    public int Failures(T item) => _rateLimiter.Failures(item);

    /// <summary>Waits for the next item. After shutdown, returns <see cref="WorkItem{T}.Shutdown"/> (pending items are not handed out).</summary>
    public async ValueTask<WorkItem<T>> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            T item;
            try
            {
                item = await _ready.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return WorkItem<T>.Shutdown;
            }
            lock (_gate)
            {
                if (_shuttingDown)
                {
                    return WorkItem<T>.Shutdown;
                }
                if (!_queuedSince.Remove(item, out var queuedAt))
                {
                    continue;
                }
                _metrics?.QueueDepthChanged(_name, -1);
                var now = _timeProvider.GetTimestamp();
                _metrics?.QueueWaited(_name, _timeProvider.GetElapsedTime(queuedAt, now));
                _dirty.Remove(item);
                _processingSince[item] = now;
                return new WorkItem<T>(item, false);
            }
        }
    }

    /// <summary>The worker finished with the item; if it was added meanwhile, it is queued again now.</summary>
    public void Done(T item)
    {
        lock (_gate)
        {
            if (!_processingSince.Remove(item, out var since))
            {
                return;
            }
            _metrics?.QueueWorked(_name, _timeProvider.GetElapsedTime(since));
            if (_dirty.Contains(item) && !_shuttingDown)
            {
                EnqueueLocked(item);
            }
            if (_processingSince.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Stops handing out items and drops delayed ones; workers see <see cref="WorkItem{T}.IsShutdown"/>.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }
            _shuttingDown = true;
            foreach (var delayed in _delayed.Values)
            {
                delayed.Timer!.Dispose();
            }
            _delayed.Clear();
            _metrics?.QueueDepthChanged(_name, -_queuedSince.Count);
            _queuedSince.Clear();
            _dirty.Clear();
        }
        _ready.Writer.TryComplete();
    }

    /// <summary>Shuts down, then waits until every item handed out has been marked done.</summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        ShutDown();
        lock (_gate)
        {
            if (_processingSince.Count == 0)
            {
                return Task.CompletedTask;
            }
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => ShutDown();

    private void EnqueueLocked(T item)
    {
        if (_queuedSince.TryAdd(item, _timeProvider.GetTimestamp()))
        {
            _metrics?.QueueDepthChanged(_name, 1);
            _ready.Writer.TryWrite(item);
        }
    }

    private void OnDelayElapsed(DelayedItem delayed)
    {
        lock (_gate)
        {
            if (!_delayed.TryGetValue(delayed.Item, out var current) || !ReferenceEquals(current, delayed))
            {
                return;
            }
            _delayed.Remove(delayed.Item);
            delayed.Timer!.Dispose();
        }
        Add(delayed.Item);
    }

    private sealed class DelayedItem(WorkQueue<T> owner, T item, DateTimeOffset readyAt)
    {
        public T Item { get; } = item;

        public DateTimeOffset ReadyAt { get; set; } = readyAt;

        public ITimer? Timer { get; set; }

        public void Fire() => owner.OnDelayElapsed(this);
    }
}
