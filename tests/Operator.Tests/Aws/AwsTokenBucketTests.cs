using Skyforge.Aws.Resilience;

namespace Skyforge.Operator.Tests.Aws;

public sealed class AwsTokenBucketTests
{
    [Fact]
    public void ABurstPassesThenCallersQueueAtTheRate()
    {
        var clock = new ManualTimeProvider();
        var bucket = new AwsTokenBucket(rate: 10, burst: 3, clock);

        var waits = Enumerable.Range(0, 5).Select(_ => bucket.Reserve()).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], waits);
    }

    [Fact]
    public void TokensRefillWithTimeUpToTheBurst()
    {
        var clock = new ManualTimeProvider();
        var bucket = new AwsTokenBucket(rate: 10, burst: 2, clock);
        bucket.Reserve();
        bucket.Reserve();

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)], new[] { bucket.Reserve(), bucket.Reserve(), bucket.Reserve() });
    }

    [Fact]
    public void AZeroRateDisablesTheLimit()
    {
        var bucket = new AwsTokenBucket(rate: 0, burst: 1, new ManualTimeProvider());

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(TimeSpan.Zero, bucket.Reserve()));
    }
}
