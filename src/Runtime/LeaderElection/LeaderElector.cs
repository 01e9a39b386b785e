using Microsoft.Extensions.Logging;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.LeaderElection;

/// <summary>
/// client-go's lease algorithm. A candidate takes the lease when it is empty or when its holder has not
/// renewed it for a whole lease duration, timed with the candidate's own clock from the moment it saw
/// the current record (so clock skew between nodes does not matter). The leader renews every retry
/// period; if it cannot renew within the renew deadline, it declares leadership lost at once — before
/// the lease can expire for anyone else.
/// </summary>
public sealed class LeaderElector
{
    private readonly ILeaseLock _lock;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics _metrics;
    private LeaseRecord? _observedRecord;
    private string? _observedVersion;
    private long _observedAt;
    private volatile bool _isLeader;
    private volatile bool _leadershipKnown;
    private volatile string? _currentHolder;

    public LeaderElector(ILeaseLock leaseLock, LeaderElectionOptions options, TimeProvider timeProvider, ILogger logger, RuntimeMetrics? metrics = null)
    {
        options.Validate();
        _lock = leaseLock;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics ?? new RuntimeMetrics();
    }

    public string Identity => _options.Identity;

    public bool IsLeader => _isLeader;

    /// <summary>True once this process either leads or has seen a live leader.</summary>
    public bool IsLeadershipKnown => _leadershipKnown;

    /// <summary>The holder named by the last lease this process read or wrote.</summary>
    public string? CurrentHolder => _currentHolder;

    /// <summary>
    /// Campaigns until this process holds the lease (or <paramref name="stop"/> fires), then runs
    /// <paramref name="lead"/> with a token cancelled the moment leadership is lost, renewing meanwhile.
    /// Returns when <paramref name="lead"/> returns; a lease still held is then released.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stop)
    {
        if (!await CampaignAsync(stop))
        {
            return;
        }
        SetLeader(true);
        using var lost = new CancellationTokenSource();
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewUntilLostAsync(lost, stopRenewing.Token);
        try
        {
            await lead(lost.Token);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
            SetLeader(false);
            if (!lost.IsCancellationRequested && _options.ReleaseOnCancel)
            {
                await ReleaseAsync();
            }
        }
    }

    private async Task<bool> CampaignAsync(CancellationToken stop)
    {
        _logger.LogInformation("{Identity} is campaigning for {Lease}", _options.Identity, _lock.Description);
        while (!stop.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(stop) == Attempt.Acquired)
            {
                _logger.LogInformation("{Identity} now leads {Lease}", _options.Identity, _lock.Description);
                return true;
            }
            try
            {
                await Task.Delay(Jittered(_options.RetryPeriod), _timeProvider, stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return false;
    }

    private async Task RenewUntilLostAsync(CancellationTokenSource lost, CancellationToken stop)
    {
        var lastRenewal = _timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _timeProvider, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            while (true)
            {
                var remaining = _options.RenewDeadline - _timeProvider.GetElapsedTime(lastRenewal);
                if (remaining <= TimeSpan.Zero)
                {
                    _logger.LogWarning("{Identity} could not renew {Lease} within {Deadline} s; leadership lost", _options.Identity, _lock.Description, _options.RenewDeadline.TotalSeconds);
                    await lost.CancelAsync();
                    return;
                }
                Attempt attempt;
                using (var deadline = new CancellationTokenSource(remaining, _timeProvider))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stop))
                {
                    attempt = await TryAcquireOrRenewAsync(linked.Token);
                }
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                if (attempt == Attempt.Acquired)
                {
                    lastRenewal = _timeProvider.GetTimestamp();
                    break;
                }
                if (attempt == Attempt.HeldByOther)
                {
                    _logger.LogWarning("{Identity} found {Lease} held by {Holder}; leadership lost", _options.Identity, _lock.Description, _currentHolder);
                    await lost.CancelAsync();
                    return;
                }
                try
                {
                    await Task.Delay(_options.RetryPeriod, _timeProvider, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<Attempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _timeProvider.GetUtcNow();
            var observed = await _lock.GetAsync(cancellationToken);
            if (observed is null)
            {
                var fresh = new LeaseRecord(_options.Identity, _options.LeaseDuration, now, now, 0);
                if (!await _lock.TryCreateAsync(fresh, cancellationToken))
                {
                    return Attempt.Failed;
                }
                Observe(fresh, null);
                return Attempt.Acquired;
            }
            if (observed.Record != _observedRecord || observed.Version != _observedVersion)
            {
                Observe(observed.Record, observed.Version);
            }
            var record = observed.Record;
            var heldByOther = !string.IsNullOrEmpty(record.HolderIdentity) && record.HolderIdentity != _options.Identity;
            if (heldByOther && _timeProvider.GetElapsedTime(_observedAt) < record.LeaseDuration)
            {
                _leadershipKnown = true;
                return Attempt.HeldByOther;
            }
            var renewed = record.HolderIdentity == _options.Identity
                ? record with { LeaseDuration = _options.LeaseDuration, RenewTime = now }
                : new LeaseRecord(_options.Identity, _options.LeaseDuration, now, now, record.Transitions + 1);
            if (!await _lock.TryUpdateAsync(renewed, observed.Version, cancellationToken))
            {
                return Attempt.Failed;
            }
            Observe(renewed, null);
            return Attempt.Acquired;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Attempt.Failed;
        }
        catch (Exception ex)
        {
            _logger.LogWarning("{Identity} could not read or write {Lease}: {Reason}", _options.Identity, _lock.Description, ex.Message);
            return Attempt.Failed;
        }
    }

    private void Observe(LeaseRecord record, string? version)
    {
        _observedRecord = record;
        _observedVersion = version;
        _observedAt = _timeProvider.GetTimestamp();
        _currentHolder = record.HolderIdentity;
    }

    private async Task ReleaseAsync()
    {
        // Bounded: a release that cannot complete only means the standby waits for expiry.
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _timeProvider);
        try
        {
            var observed = await _lock.GetAsync(timeout.Token);
            if (observed is null || observed.Record.HolderIdentity != _options.Identity)
            {
                return;
            }
            var now = _timeProvider.GetUtcNow();
            var released = new LeaseRecord(null, TimeSpan.FromSeconds(1), now, now, observed.Record.Transitions);
            if (await _lock.TryUpdateAsync(released, observed.Version, timeout.Token))
            {
                _currentHolder = null;
                _logger.LogInformation("{Identity} released {Lease}", _options.Identity, _lock.Description);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning("{Identity} could not release {Lease}: {Reason}", _options.Identity, _lock.Description, ex.Message);
        }
    }

    private void SetLeader(bool leading)
    {
        _isLeader = leading;
        if (leading)
        {
            _leadershipKnown = true;
        }
        _metrics.LeadershipChanged(_lock.Description, leading);
    }

    private static TimeSpan Jittered(TimeSpan period) => period + TimeSpan.FromTicks((long)(period.Ticks * 0.2 * Random.Shared.NextDouble()));

    private enum Attempt
    {
        Acquired,
        HeldByOther,
        Failed,
    }
}
