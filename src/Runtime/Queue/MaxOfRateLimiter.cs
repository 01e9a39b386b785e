namespace Skyforge.Runtime.Queue;

/// <summary>Combines limiters: the item waits for the longest of their delays.</summary>
public sealed class MaxOfRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly IReadOnlyList<IRateLimiter<T>> _limiters;

    public MaxOfRateLimiter(params IReadOnlyList<IRateLimiter<T>> limiters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Count);
        _limiters = limiters;
    }

    public TimeSpan When(T item)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }
        return longest;
    }

    public void Forget(T item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    public int Failures(T item) => _limiters.Max(limiter => limiter.Failures(item));
}
