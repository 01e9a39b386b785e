namespace Skyforge.Aws.Resilience;

/// <summary>
/// Backoff before a retry: the service's <c>Retry-After</c> when it sent one (bounded by
/// <see cref="AwsResilienceOptions.MaxRetryAfter"/>), else exponential backoff with full jitter: a uniform draw
/// below <c>min(max, base · 2^attempt)</c>.
/// </summary>
public static class AwsRetryDelay
{
    /// <param name="attempt">Zero for the delay after the first failed attempt.</param>
    /// <param name="retryAfter">The wait the service asked for, if any.</param>
    /// <param name="options">Base and maximum backoff, and the bound on <paramref name="retryAfter"/>.</param>
    /// <param name="random">A uniform draw in [0, 1).</param>
    public static TimeSpan Compute(int attempt, TimeSpan? retryAfter, AwsResilienceOptions options, double random)
    {
        if (retryAfter is { } requested && requested > TimeSpan.Zero)
        {
            return requested < options.MaxRetryAfter ? requested : options.MaxRetryAfter;
        }
        var ceilingTicks = options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        var cappedTicks = Math.Min(ceilingTicks, options.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(cappedTicks * Math.Clamp(random, 0, 1)));
    }
}
