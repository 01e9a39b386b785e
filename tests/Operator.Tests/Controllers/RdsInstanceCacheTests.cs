using System.Globalization;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class RdsInstanceCacheTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 1)]
    [InlineData(1000, 10)]
    public async Task A_drift_cycle_over_n_databases_costs_one_describe_per_page(int databases, int expectedCalls)
    {
        var time = new ManualTimeProvider();
        var (client, fake) = FakeRdsDescribe.With(databases);
        var cache = new RdsInstanceCache(client, new DataServicesOptions { DriftInterval = TimeSpan.FromMinutes(10) }, time);

        for (var cycle = 1; cycle <= 2; cycle++)
        {
            for (var index = 0; index < databases; index++)
            {
                var found = await cache.FindAsync($"db-{index.ToString(CultureInfo.InvariantCulture)}", fresh: false, CancellationToken.None);
                Assert.NotNull(found);
            }
            Assert.Equal(expectedCalls * cycle, fake.DescribeCalls);
            time.Advance(TimeSpan.FromMinutes(10));
        }
    }

    [Fact]
    public async Task A_fresh_read_describes_the_one_instance()
    {
        var (client, fake) = FakeRdsDescribe.With(250);
        var cache = new RdsInstanceCache(client, new DataServicesOptions(), new ManualTimeProvider());

        var found = await cache.FindAsync("db-7", fresh: true, CancellationToken.None);
        var missing = await cache.FindAsync("db-9999", fresh: true, CancellationToken.None);

        Assert.Equal("db-7", found?.DBInstanceIdentifier);
        Assert.Null(missing);
        Assert.Equal(2, fake.DescribeCalls);
    }

    [Fact]
    public async Task A_fresh_read_updates_the_listing_so_the_next_drift_check_sees_the_change()
    {
        var (client, fake) = FakeRdsDescribe.With(5);
        var cache = new RdsInstanceCache(client, new DataServicesOptions(), new ManualTimeProvider());
        Assert.Null((await cache.FindAsync("db-3", fresh: false, CancellationToken.None))?.DBInstanceClass);

        fake.Change("db-3", instance => instance with { DBInstanceClass = "db.t4g.small" });
        await cache.FindAsync("db-3", fresh: true, CancellationToken.None);
        var fromListing = await cache.FindAsync("db-3", fresh: false, CancellationToken.None);

        Assert.Equal("db.t4g.small", fromListing?.DBInstanceClass);
        Assert.Equal(2, fake.DescribeCalls);
    }
}
