using System.Collections.Concurrent;
using Skyforge.Aws;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>
/// Drift checks of one kind of AWS resource from one paginated Describe (100 per page) per region per drift interval,
/// so N stable resources cost ceil(N/100) read calls per region and cycle instead of N. Fresh reads (a resource being
/// created or changed, or a user's reconcile request) describe the one resource directly.
/// </summary>
public abstract class BatchedDescribeCache<T>
    where T : class
{
    public const int PageSize = 100;

    private readonly DataServicesOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RegionListing> _regions = new(StringComparer.Ordinal);

    protected BatchedDescribeCache(DataServicesOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The resource, or null when AWS has none with this identifier in <paramref name="region"/>.</summary>
    public async Task<T?> FindAsync(string region, string identifier, bool fresh, CancellationToken cancellationToken)
    {
        var listing = _regions.GetOrAdd(region, static _ => new RegionListing());
        if (!fresh && (await CurrentAsync(region, listing, cancellationToken)).Items.TryGetValue(identifier, out var listed))
        {
            return listed;
        }
        T? described;
        try
        {
            described = await DescribeOneAsync(region, identifier, cancellationToken);
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            described = null;
        }
        // Keep the listing as new as the newest read, so a drift check right after a change does not see the old state.
        if (listing.Snapshot is { } snapshot)
        {
            if (described is null)
            {
                snapshot.Items.TryRemove(identifier, out _);
            }
            else
            {
                snapshot.Items[identifier] = described;
            }
        }
        return described;
    }

    /// <summary>Every resource of the region, page by page (<see cref="PageSize"/> per page).</summary>
    protected abstract IAsyncEnumerable<T> ListAllAsync(string region, CancellationToken cancellationToken);

    protected abstract Task<T?> DescribeOneAsync(string region, string identifier, CancellationToken cancellationToken);

    protected abstract string? IdentifierOf(T item);

    private async Task<Snapshot> CurrentAsync(string region, RegionListing listing, CancellationToken cancellationToken)
    {
        if (IsCurrent(listing.Snapshot))
        {
            return listing.Snapshot!;
        }
        await listing.Refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsCurrent(listing.Snapshot))
            {
                return listing.Snapshot!;
            }
            var items = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
            await foreach (var item in ListAllAsync(region, cancellationToken))
            {
                if (IdentifierOf(item) is { } identifier)
                {
                    items[identifier] = item;
                }
            }
            listing.Snapshot = new Snapshot(_time.GetUtcNow(), items);
            return listing.Snapshot;
        }
        finally
        {
            listing.Refresh.Release();
        }
    }

    private bool IsCurrent(Snapshot? snapshot) => snapshot is not null && _time.GetUtcNow() - snapshot.TakenAt < _options.DriftInterval;

    private sealed record Snapshot(DateTimeOffset TakenAt, ConcurrentDictionary<string, T> Items);

    /// <summary>One region's latest listing and the lock that lets one reconcile at a time refresh it.</summary>
    private sealed class RegionListing
    {
        public SemaphoreSlim Refresh { get; } = new(1, 1);

        public Snapshot? Snapshot { get; set; }
    }
}
