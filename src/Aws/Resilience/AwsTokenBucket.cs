namespace Skyforge.Aws.Resilience;

/// <summary>
/// Client-side rate limit of one service: <c>burst</c> tokens refilled at <c>rate</c> per second on the injected
/// clock. Each attempt reserves a token and waits until it is due, so concurrent callers queue in order.
/// </summary>
public sealed class AwsTokenBucket
{
    private readonly double _rate;
    private readonly double _capacity;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    /// <param name="rate">Tokens per second; zero or less disables the limit.</param>
    /// <param name="burst">Bucket capacity (at least one).</param>
    /// <param name="timeProvider">Clock for refills and waits.</param>
    public AwsTokenBucket(double rate, int burst, TimeProvider timeProvider)
    {
        _rate = rate;
        _capacity = Math.Max(1, burst);
        _timeProvider = timeProvider;
        _tokens = _capacity;
        _lastRefill = timeProvider.GetTimestamp();
    }

    /// <summary>Takes a token and returns how long to wait before it may be used.</summary>
    public TimeSpan Reserve()
    {
        if (_rate <= 0)
        {
            return TimeSpan.Zero;
        }
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_timeProvider.GetElapsedTime(_lastRefill, now).TotalSeconds * _rate));
            _lastRefill = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }
}
