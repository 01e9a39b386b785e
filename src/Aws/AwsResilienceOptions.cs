namespace Skyforge.Aws;

/// <summary>Resilience settings of one service's pipeline (retry, per-attempt timeout, circuit breaker, token bucket).</summary>
public sealed class AwsResilienceOptions
{
    /// <summary>Retries after the first attempt; throttling, 5xx, timeouts and broken connections are retried.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff ceiling; ceilings double per attempt and each delay is drawn uniformly below it (full jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound on a wait requested by the service through <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failing attempts (5xx, timeouts, broken connections) in the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sustained attempts per second allowed by the client-side token bucket; zero or less disables it.</summary>
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>Token bucket capacity: attempts allowed in a burst.</summary>
    public int Burst { get; set; } = 40;
}
