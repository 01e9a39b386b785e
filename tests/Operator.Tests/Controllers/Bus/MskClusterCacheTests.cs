using System.Globalization;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Msk;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Controllers.Bus;

public sealed class MskClusterCacheTests
{
    private const string Region = "us-east-1";

    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 1)]
    [InlineData(1000, 10)]
    public async Task A_drift_cycle_over_n_buses_costs_one_listing_per_page(int buses, int expectedCalls)
    {
        var time = new ManualTimeProvider();
        var (client, fake) = FakeKafkaListing.With(buses);
        var cache = new MskClusterCache(FakeAwsClients.With(Region, kafka: client), new DataServicesOptions { DriftInterval = TimeSpan.FromMinutes(10) }, time);

        for (var cycle = 1; cycle <= 2; cycle++)
        {
            for (var index = 0; index < buses; index++)
            {
                Assert.NotNull(await cache.FindAsync(Region, $"bus-{index.ToString(CultureInfo.InvariantCulture)}", fresh: false, CancellationToken.None));
            }
            Assert.Equal(expectedCalls * cycle, fake.ListCalls);
            Assert.Equal(0, fake.DescribeCalls);
            time.Advance(TimeSpan.FromMinutes(10));
        }
    }

    [Fact]
    public async Task A_fresh_read_picks_the_exact_name_among_prefix_matches_and_describes_it()
    {
        var (client, fake) = FakeKafkaListing.With(25);
        var cache = new MskClusterCache(FakeAwsClients.With(Region, kafka: client), new DataServicesOptions(), new ManualTimeProvider());

        var found = await cache.FindAsync(Region, "bus-1", fresh: true, CancellationToken.None);
        var missing = await cache.FindAsync(Region, "bus-999", fresh: true, CancellationToken.None);

        Assert.Equal("bus-1", found?.ClusterName);
        Assert.Null(missing);
        Assert.Equal(1, fake.DescribeCalls);
    }
}
