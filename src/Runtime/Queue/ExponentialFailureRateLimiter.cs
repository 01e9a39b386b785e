using System.Collections.Concurrent;

namespace Skyforge.Runtime.Queue;

/// <summary>Per-item exponential backoff: base × 2^failures, capped at a maximum.</summary>
public sealed class ExponentialFailureRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly ConcurrentDictionary<T, int> _failures = new();

    public ExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
    }

    public TimeSpan When(T item)
    {
        var previousFailures = _failures.AddOrUpdate(item, 1, (_, count) => count + 1) - 1;
        // 2^exponent overflows long ticks long before the cap matters; stop doubling once past the cap.
        var delayTicks = (double)_baseDelay.Ticks * Math.Pow(2, Math.Min(previousFailures, 62));
        return delayTicks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)delayTicks);
    }

    public void Forget(T item) => _failures.TryRemove(item, out _);

    public int Failures(T item) => _failures.TryGetValue(item, out var count) ? count : 0;
}
