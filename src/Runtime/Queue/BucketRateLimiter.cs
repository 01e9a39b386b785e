using Skyforge.Kubernetes.Http;

namespace Skyforge.Runtime.Queue;

/// <summary>An overall token bucket across all items, so a storm of failures cannot flood the API server.</summary>
public sealed class BucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly TokenBucket _bucket;

    public BucketRateLimiter(double qps, int burst, TimeProvider timeProvider) => _bucket = new TokenBucket(qps, burst, timeProvider);

    public TimeSpan When(T item) => _bucket.Reserve();

    public void Forget(T item)
    {
    }

    public int Failures(T item) => 0;
}
