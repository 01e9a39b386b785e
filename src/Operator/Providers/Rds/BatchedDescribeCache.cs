using System.Collections.Concurrent;
using Skyforge.Aws;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>
/// Drift checks of one kind of RDS resource from one paginated Describe (100 per page) per drift interval, so N
/// stable resources cost ceil(N/100) read calls per cycle instead of N. Fresh reads (a resource being created
/// or changed, or a user's reconcile request) describe the one resource directly.
/// </summary>
public abstract class BatchedDescribeCache<T>
    where T : class
{
    public const int PageSize = 100;

    private readonly DataServicesOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    protected BatchedDescribeCache(DataServicesOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The resource, or null when AWS has none with this identifier.</summary>
    public async Task<T?> FindAsync(string identifier, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && (await CurrentAsync(cancellationToken)).Items.TryGetValue(identifier, out var listed))
        {
            return listed;
        }
        T? described;
        try
        {
            described = await DescribeOneAsync(identifier, cancellationToken);
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            described = null;
        }
        // Keep the listing as new as the newest read, so a drift check right after a change does not see the old state.
        if (_snapshot is { } snapshot)
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

    /// <summary>Every resource, page by page (<see cref="PageSize"/> per page).</summary>
    protected abstract IAsyncEnumerable<T> ListAllAsync(CancellationToken cancellationToken);

    protected abstract Task<T?> DescribeOneAsync(string identifier, CancellationToken cancellationToken);

    protected abstract string? IdentifierOf(T item);

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (IsCurrent(_snapshot))
        {
            return _snapshot!;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsCurrent(_snapshot))
            {
                return _snapshot!;
            }
            var items = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
            await foreach (var item in ListAllAsync(cancellationToken))
            {
                if (IdentifierOf(item) is { } identifier)
                {
                    items[identifier] = item;
                }
            }
            _snapshot = new Snapshot(_time.GetUtcNow(), items);
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsCurrent(Snapshot? snapshot) => snapshot is not null && _time.GetUtcNow() - snapshot.TakenAt < _options.DriftInterval;

    private sealed record Snapshot(DateTimeOffset TakenAt, ConcurrentDictionary<string, T> Items);
}
