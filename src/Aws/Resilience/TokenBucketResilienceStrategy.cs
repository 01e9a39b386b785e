using Polly;

namespace Skyforge.Aws.Resilience;

/// <summary>A Polly strategy that waits for an <see cref="AwsTokenBucket"/> token before each attempt.</summary>
internal sealed class TokenBucketResilienceStrategy : ResilienceStrategy
{
    private readonly AwsTokenBucket _bucket;

    public TokenBucketResilienceStrategy(AwsTokenBucket bucket)
    {
        _bucket = bucket;
    }

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        try
        {
            await _bucket.WaitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            return Outcome.FromException<TResult>(exception);
        }
        return await callback(context, state);
    }
}
