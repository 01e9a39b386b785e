using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Skyforge.Aws.Resilience;

/// <summary>
/// One Polly pipeline per service, outermost first: retry (throttling, 5xx, timeouts, broken connections; full
/// jitter or <c>Retry-After</c>), circuit breaker (5xx, timeouts, broken connections), client-side token bucket,
/// per-attempt timeout. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AwsResiliencePipelines : IAwsServiceAvailability
{
    private readonly AwsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AwsResiliencePipelines> _logger;
    private readonly ConcurrentDictionary<AwsService, Lazy<ServicePipeline>> _pipelines = new();

    public AwsResiliencePipelines(IOptions<AwsOptions> options, TimeProvider timeProvider, ILogger<AwsResiliencePipelines> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public bool IsCircuitOpen(AwsService service) =>
        _pipelines.TryGetValue(service, out var pipeline)
        && pipeline.IsValueCreated
        && pipeline.Value.CircuitState.CircuitState is CircuitState.Open or CircuitState.Isolated;

    internal ResiliencePipeline For(AwsService service) =>
        _pipelines.GetOrAdd(service, service => new Lazy<ServicePipeline>(() => Build(service))).Value.Pipeline;

    /// <summary>Whether an attempt's failure may go away on a later attempt.</summary>
    internal static bool IsRetryable(Exception? exception) =>
        exception is TimeoutRejectedException || exception is AwsServiceException { IsRetryable: true, IsCircuitOpen: false };

    /// <summary>Whether an attempt's failure counts against the service's health.</summary>
    internal static bool IsServiceFailure(Exception? exception) =>
        exception is TimeoutRejectedException || exception is AwsServiceException { IsServiceFailure: true };

    private ServicePipeline Build(AwsService service)
    {
        var settings = _options.ResilienceFor(service);
        var circuitState = new CircuitBreakerStateProvider();
        var builder = new ResiliencePipelineBuilder { Name = "skyforge-aws-" + service.Id, TimeProvider = _timeProvider };
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                ShouldHandle = arguments => ValueTask.FromResult(IsRetryable(arguments.Outcome.Exception)),
                DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(AwsRetryDelay.Compute(
                    arguments.AttemptNumber,
                    (arguments.Outcome.Exception as AwsServiceException)?.RetryAfter,
                    settings,
                    Random.Shared.NextDouble())),
                OnRetry = arguments =>
                {
                    LogRetry(service.Id, arguments.AttemptNumber + 1, arguments.RetryDelay, Describe(arguments.Outcome.Exception));
                    return default;
                },
            });
        }
        var pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.CircuitBreakerFailureRatio,
                MinimumThroughput = Math.Max(2, settings.CircuitBreakerMinimumThroughput),
                SamplingDuration = settings.CircuitBreakerSamplingDuration,
                BreakDuration = settings.CircuitBreakerBreakDuration,
                ShouldHandle = arguments => ValueTask.FromResult(IsServiceFailure(arguments.Outcome.Exception)),
                StateProvider = circuitState,
                OnOpened = arguments =>
                {
                    LogCircuitOpened(service.Id, arguments.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(service.Id);
                    return default;
                },
            })
            .AddStrategy(_ => new TokenBucketResilienceStrategy(new AwsTokenBucket(settings.RequestsPerSecond, settings.Burst, _timeProvider)), new TokenBucketStrategyOptions())
            .AddTimeout(settings.AttemptTimeout)
            .Build();
        return new ServicePipeline(pipeline, circuitState);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        AwsServiceException aws => aws.ErrorCode,
        TimeoutRejectedException => AwsErrorCodes.RequestTimeout,
        null => "none",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "AWS {Service} attempt failed with {ErrorCode}; retry {Retry} in {Delay}")]
    private partial void LogRetry(string service, int retry, TimeSpan delay, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS {Service} circuit opened for {BreakDuration} after repeated service failures")]
    private partial void LogCircuitOpened(string service, TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWS {Service} circuit closed: the service answers again")]
    private partial void LogCircuitClosed(string service);

    private sealed record ServicePipeline(ResiliencePipeline Pipeline, CircuitBreakerStateProvider CircuitState);
}
