namespace Skyforge.Runtime.Queue;

/// <summary>Ready-made limiters.</summary>
public static class RateLimiters
{
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(1000);
    public const double DefaultQps = 10;
    public const int DefaultBurst = 100;

    /// <summary>
    /// client-go's controller default: per-item backoff from 5 ms doubling to 1000 s (about 16 min),
    /// and an overall bucket of 10 retries per second with a burst of 100.
    /// </summary>
    public static IRateLimiter<T> DefaultControllerRateLimiter<T>(TimeProvider timeProvider)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ExponentialFailureRateLimiter<T>(DefaultBaseDelay, DefaultMaxDelay),
            new BucketRateLimiter<T>(DefaultQps, DefaultBurst, timeProvider));
}
