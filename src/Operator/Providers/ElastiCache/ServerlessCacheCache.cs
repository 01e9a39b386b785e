using Skyforge.Aws;
using Skyforge.Aws.ElastiCache;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>Serverless caches for drift checks: one paginated DescribeServerlessCaches listing per region and drift interval.</summary>
public sealed class ServerlessCacheCache(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time) : BatchedDescribeCache<ServerlessCache>(options, time)
{
    /// <summary>The service's own default page size for DescribeServerlessCaches.</summary>
    private const int ServerlessPageSize = 50;

    protected override IAsyncEnumerable<ServerlessCache> ListAllAsync(string region, CancellationToken cancellationToken) =>
        clients.ForRegion(region).ElastiCache.DescribeAllServerlessCachesAsync(new DescribeServerlessCachesRequest { MaxResults = ServerlessPageSize }, cancellationToken);

    protected override async Task<ServerlessCache?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken) =>
        (await clients.ForRegion(region).ElastiCache.DescribeServerlessCachesAsync(new DescribeServerlessCachesRequest { ServerlessCacheName = identifier }, cancellationToken)).ServerlessCaches?.FirstOrDefault();

    protected override string? IdentifierOf(ServerlessCache item) => item.ServerlessCacheName;
}
