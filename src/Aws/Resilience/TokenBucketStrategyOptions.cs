using Polly;

namespace Skyforge.Aws.Resilience;

/// <summary>Options that register <see cref="TokenBucketResilienceStrategy"/> in a Polly pipeline.</summary>
internal sealed class TokenBucketStrategyOptions : ResilienceStrategyOptions
{
    public TokenBucketStrategyOptions()
    {
        Name = "TokenBucket";
    }
}
