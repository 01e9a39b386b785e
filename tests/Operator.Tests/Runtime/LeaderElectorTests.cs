using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class LeaderElectorTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryLeaseStore _store = new();

    private LeaderElector Candidate(string identity) => new(
        _store.For(identity),
        new LeaderElectionOptions { LeaseName = "lock", LeaseNamespace = "test", Identity = identity },
        _time,
        NullLogger.Instance);

    /// <summary>Runs a candidate whose leadership period is recorded in fake time.</summary>
    private sealed class Run
    {
        public DateTimeOffset? LedAt { get; private set; }

        public DateTimeOffset? LostAt { get; private set; }

        public Task Completion { get; private set; } = Task.CompletedTask;

        public CancellationTokenSource Stop { get; } = new();

        public static Run StartRun(LeaderElector elector, TimeProvider time)
        {
            var run = new Run();
            run.Completion = elector.RunAsync(async lost =>
            {
                run.LedAt = time.GetUtcNow();
                var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (lost.Register(() => { run.LostAt = time.GetUtcNow(); ended.TrySetResult(); }))
                using (run.Stop.Token.Register(() => ended.TrySetResult()))
                {
                    await ended.Task;
                }
            }, run.Stop.Token);
            return run;
        }
    }

    private readonly List<Run> _runs = [];

    private Run Start(LeaderElector elector, TimeProvider time)
    {
        var run = Run.StartRun(elector, time);
        _runs.Add(run);
        return run;
    }

    /// <summary>
    /// Moves the clock in 250 ms steps, each only once every running candidate is parked on the clock (one
    /// pending delay each), so a busy machine cannot let the clock run ahead of the candidates.
    /// </summary>
    private async Task StepAsync(TimeSpan total, Func<bool>? stopWhen = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromMilliseconds(250))
        {
            if (stopWhen?.Invoke() == true)
            {
                return;
            }
            await WaitUntilParkedAsync();
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }
        await WaitUntilParkedAsync();
    }

    private async Task WaitUntilParkedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (_time.ActiveTimerCount < _runs.Count(run => !run.Completion.IsCompleted) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }
    }

    [Fact]
    public async Task A_lone_candidate_leads_at_once_and_keeps_renewing()
    {
        var elector = Candidate("a");
        var run = Start(elector, _time);
        await Eventually.HoldsAsync(() => elector.IsLeader, "a leads");

        await StepAsync(TimeSpan.FromSeconds(60));

        Assert.True(elector.IsLeader);
        Assert.Null(run.LostAt);
        Assert.Equal("a", _store.Current!.HolderIdentity);
        Assert.InRange(_time.GetUtcNow() - _store.Current.RenewTime!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(0, _store.Current.Transitions);
    }

    [Fact]
    public async Task A_standby_knows_the_leader_and_waits()
    {
        var leader = Candidate("a");
        Start(leader, _time);
        await Eventually.HoldsAsync(() => leader.IsLeader, "a leads");
        var standby = Candidate("b");
        var standbyRun = Start(standby, _time);

        await StepAsync(TimeSpan.FromSeconds(60));

        Assert.False(standby.IsLeader);
        Assert.True(standby.IsLeadershipKnown);
        Assert.Equal("a", standby.CurrentHolder);
        Assert.Null(standbyRun.LedAt);
    }

    [Fact]
    public async Task A_cut_off_leader_stops_before_the_standby_takes_over_within_20_seconds()
    {
        var leader = Candidate("a");
        var leaderRun = Start(leader, _time);
        await Eventually.HoldsAsync(() => leader.IsLeader, "a leads");
        var standby = Candidate("b");
        var standbyRun = Start(standby, _time);
        await StepAsync(TimeSpan.FromSeconds(5));
        var lastRenewal = _store.Current!.RenewTime!.Value;

        _store.CutOff("a");
        var cutAt = _time.GetUtcNow();
        await StepAsync(TimeSpan.FromSeconds(30), () => standby.IsLeader);
        await Eventually.HoldsAsync(() => standby.IsLeader && leaderRun.LostAt is not null, "b took over and a stopped");

        Assert.True(leaderRun.LostAt <= lastRenewal + TimeSpan.FromSeconds(10), $"a stopped at {leaderRun.LostAt}, renewed last at {lastRenewal}");
        Assert.True(standbyRun.LedAt >= lastRenewal + TimeSpan.FromSeconds(15), $"b led at {standbyRun.LedAt}, a renewed last at {lastRenewal}");
        Assert.True(leaderRun.LostAt < standbyRun.LedAt);
        Assert.True(standbyRun.LedAt - cutAt <= TimeSpan.FromSeconds(20));
        Assert.Equal(1, _store.Current!.Transitions);
        await leaderRun.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_clean_stop_releases_the_lease_so_the_standby_takes_over_at_once()
    {
        var leader = Candidate("a");
        var leaderRun = Start(leader, _time);
        await Eventually.HoldsAsync(() => leader.IsLeader, "a leads");
        var standby = Candidate("b");
        Start(standby, _time);
        await StepAsync(TimeSpan.FromSeconds(4));

        await leaderRun.Stop.CancelAsync();
        await leaderRun.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var releasedAt = _time.GetUtcNow();
        Assert.Null(_store.Current!.HolderIdentity);
        await StepAsync(TimeSpan.FromSeconds(5), () => standby.IsLeader);

        Assert.True(standby.IsLeader);
        Assert.True(_time.GetUtcNow() - releasedAt <= TimeSpan.FromSeconds(3));
        Assert.Null(leaderRun.LostAt);
    }

    [Fact]
    public async Task Simultaneous_candidates_never_lead_together()
    {
        var candidates = new[] { Candidate("a"), Candidate("b"), Candidate("c") };
        foreach (var candidate in candidates)
        {
            Start(candidate, _time);
        }
        var mostAtOnce = 0;

        for (var step = 0; step < 240; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
            mostAtOnce = Math.Max(mostAtOnce, candidates.Count(candidate => candidate.IsLeader));
        }

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(1, candidates.Count(candidate => candidate.IsLeader));
    }

    [Fact]
    public void Durations_that_would_let_leaders_overlap_are_rejected()
    {
        var options = new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "n", Identity = "i", LeaseDuration = TimeSpan.FromSeconds(5), RenewDeadline = TimeSpan.FromSeconds(10) };
        Assert.Throws<ArgumentException>(() => new LeaderElector(_store.For("i"), options, _time, NullLogger.Instance));
    }
}
