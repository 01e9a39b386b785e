using System.Globalization;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class RdsInstanceCacheTests
{
    private const string Region = "us-east-1";

    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 1)]
    [InlineData(1000, 10)]
    public async Task A_drift_cycle_over_n_databases_costs_one_describe_per_page(int databases, int expectedCalls)
    {
        var time = new ManualTimeProvider();
        var (client, fake) = FakeRdsDescribe.With(databases);
        var cache = new RdsInstanceCache(FakeAwsClients.With(Region, rds: client), new DataServicesOptions { DriftInterval = TimeSpan.FromMinutes(10) }, time);

        for (var cycle = 1; cycle <= 2; cycle++)
        {
            for (var index = 0; index < databases; index++)
            {
                var found = await cache.FindAsync(Region, $"db-{index.ToString(CultureInfo.InvariantCulture)}", fresh: false, CancellationToken.None);
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
        var cache = new RdsInstanceCache(FakeAwsClients.With(Region, rds: client), new DataServicesOptions(), new ManualTimeProvider());

        var found = await cache.FindAsync(Region, "db-7", fresh: true, CancellationToken.None);
        var missing = await cache.FindAsync(Region, "db-9999", fresh: true, CancellationToken.None);

        Assert.Equal("db-7", found?.DBInstanceIdentifier);
        Assert.Null(missing);
        Assert.Equal(2, fake.DescribeCalls);
    }

    [Fact]
    public async Task A_fresh_read_updates_the_listing_so_the_next_drift_check_sees_the_change()
    {
        var (client, fake) = FakeRdsDescribe.With(5);
        var cache = new RdsInstanceCache(FakeAwsClients.With(Region, rds: client), new DataServicesOptions(), new ManualTimeProvider());
        Assert.Null((await cache.FindAsync(Region, "db-3", fresh: false, CancellationToken.None))?.DBInstanceClass);

        fake.Change("db-3", instance => instance with { DBInstanceClass = "db.t4g.small" });
        await cache.FindAsync(Region, "db-3", fresh: true, CancellationToken.None);
        var fromListing = await cache.FindAsync(Region, "db-3", fresh: false, CancellationToken.None);

        Assert.Equal("db.t4g.small", fromListing?.DBInstanceClass);
        Assert.Equal(2, fake.DescribeCalls);
    }

    [Fact]
    public async Task Each_region_is_listed_from_its_own_client()
    {
        var (home, homeFake) = FakeRdsDescribe.With(3);
        var (away, awayFake) = FakeRdsDescribe.With(1);
        awayFake.Change("db-0", instance => instance with { DBInstanceClass = "db.r6g.large" });
        var cache = new RdsInstanceCache(FakeAwsClients.With(Region, rds: home).Add("eu-west-1", rds: away), new DataServicesOptions(), new ManualTimeProvider());

        var homeInstance = await cache.FindAsync(Region, "db-0", fresh: false, CancellationToken.None);
        var awayInstance = await cache.FindAsync("eu-west-1", "db-0", fresh: false, CancellationToken.None);
        var onlyAtHome = await cache.FindAsync("eu-west-1", "db-2", fresh: false, CancellationToken.None);

        Assert.Null(homeInstance?.DBInstanceClass);
        Assert.Equal("db.r6g.large", awayInstance?.DBInstanceClass);
        Assert.Null(onlyAtHome);
        Assert.Equal(1, homeFake.DescribeCalls);
        Assert.Equal(2, awayFake.DescribeCalls);
    }
}
