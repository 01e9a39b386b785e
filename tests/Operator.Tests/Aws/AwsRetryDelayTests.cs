using Skyforge.Aws;
using Skyforge.Aws.Resilience;

namespace Skyforge.Operator.Tests.Aws;

public sealed class AwsRetryDelayTests
{
    private static readonly AwsResilienceOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
        MaxRetryAfter = TimeSpan.FromSeconds(30),
    };

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    [InlineData(5, 2000)]
    [InlineData(40, 2000)]
    public void TheCeilingDoublesPerAttemptUpToTheMaximum(int attempt, int ceilingMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMilliseconds), AwsRetryDelay.Compute(attempt, null, Options, 1.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.999)]
    public void FullJitterDrawsUniformlyBelowTheCeiling(double random)
    {
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromMilliseconds(800).Ticks * random)), AwsRetryDelay.Compute(3, null, Options, random));
    }

    [Fact]
    public void RetryAfterWinsOverBackoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), AwsRetryDelay.Compute(0, TimeSpan.FromSeconds(5), Options, 0.1));
    }

    [Fact]
    public void RetryAfterIsBounded()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), AwsRetryDelay.Compute(0, TimeSpan.FromHours(1), Options, 0.1));
    }
}
