namespace Skyforge.Runtime.Queue;

/// <summary>Decides how long a failed item waits before it is retried.</summary>
public interface IRateLimiter<in T>
    where T : notnull
{
    /// <summary>Records one more failure of <paramref name="item"/> and returns the wait before its retry.</summary>
    TimeSpan When(T item);

    /// <summary>The item succeeded: its failure history starts over.</summary>
    void Forget(T item);

    /// <summary>Failures recorded since the item was last forgotten.</summary>
    int Failures(T item);
}
