using Skyforge.Runtime.Queue;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class RateLimiterTests
{
    [Fact]
    public void Per_item_backoff_doubles_from_5_ms_and_stops_at_1000_s()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(RateLimiters.DefaultBaseDelay, RateLimiters.DefaultMaxDelay);

        var delays = Enumerable.Range(0, 30).Select(_ => limiter.When("a")).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(20), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 1024), delays[10]);
        Assert.Equal(TimeSpan.FromSeconds(1000), delays[^1]);
        Assert.True(delays.Zip(delays.Skip(1)).All(pair => pair.Second >= pair.First));
        Assert.Equal(30, limiter.Failures("a"));
    }

    [Fact]
    public void Backoff_is_per_item_and_forget_starts_over()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));
        limiter.Forget("a");
        Assert.Equal(0, limiter.Failures("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void The_overall_bucket_allows_a_burst_of_100_then_10_per_second()
    {
        var time = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<int>(RateLimiters.DefaultQps, RateLimiters.DefaultBurst, time);

        var burst = Enumerable.Range(0, 100).Select(limiter.When).ToList();
        var next = limiter.When(100);
        var afterThat = limiter.When(101);

        Assert.All(burst, delay => Assert.Equal(TimeSpan.Zero, delay));
        Assert.Equal(TimeSpan.FromMilliseconds(100), next);
        Assert.Equal(TimeSpan.FromMilliseconds(200), afterThat);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, limiter.When(102));
    }

    [Fact]
    public void The_default_controller_limiter_takes_the_longer_of_both()
    {
        var time = new ManualTimeProvider();
        var limiter = RateLimiters.DefaultControllerRateLimiter<string>(time);

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), limiter.When("a"));
        Assert.Equal(2, limiter.Failures("a"));
    }
}
