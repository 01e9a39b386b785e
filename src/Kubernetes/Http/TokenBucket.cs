namespace Skyforge.Kubernetes.Http;

/// <summary>
/// A token bucket: <c>burst</c> tokens, refilled at <c>qps</c> per second. A reservation always
/// succeeds and says how long to wait, so concurrent callers are served in order instead of racing.
/// A non-positive rate means unlimited.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _qps;
    private readonly double _burst;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double qps, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _qps = qps;
        _burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _lastRefill = timeProvider.GetTimestamp();
    }

    /// <summary>Takes one token and returns how long the caller must wait before using it.</summary>
    public TimeSpan Reserve()
    {
        if (_qps <= 0)
        {
            return TimeSpan.Zero;
        }
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    /// <summary>Takes a token only if one is available now; never makes later callers wait.</summary>
    public bool TryTake()
    {
        if (_qps <= 0)
        {
            return true;
        }
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Waits for a token.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    private void Refill()
    {
        var now = _timeProvider.GetTimestamp();
        var elapsed = _timeProvider.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_burst, _tokens + elapsed.TotalSeconds * _qps);
    }
}
