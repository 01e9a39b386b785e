using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.LeaderElection;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.Controllers;

/// <summary>
/// Runs a set of controllers: starts their shared informers on every replica (so a standby is warm),
/// and, once the caches are synced and — with leader election — this process leads, starts the
/// workers. Losing leadership cancels the workers' token at once. Stopping drains in-flight reconciles
/// (until the stop token says time is up), releases the lease, then stops the informers.
/// Can be started and stopped directly in tests, or run as a hosted service.
/// </summary>
public sealed class ControllerHost : IHostedService, IAsyncDisposable
{
    private readonly SharedInformerFactory _informers;
    private readonly IReadOnlyList<ControllerDefinition> _definitions;
    private readonly LeaderElector? _elector;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics _metrics;
    private readonly CancellationTokenSource _stopRequested = new();
    private readonly CancellationTokenSource _abort = new();
    private Task? _run;
    private volatile int _runningControllers;

    /// <param name="elector">Null runs the controllers without leader election.</param>
    public ControllerHost(
        SharedInformerFactory informers,
        IEnumerable<ControllerDefinition> controllers,
        TimeProvider timeProvider,
        LeaderElector? elector = null,
        ILoggerFactory? loggerFactory = null,
        RuntimeMetrics? metrics = null)
    {
        _informers = informers;
        _definitions = [.. controllers];
        var duplicate = _definitions.GroupBy(definition => definition.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two controllers are named \"{duplicate.Key}\"", nameof(controllers));
        }
        _elector = elector;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<ControllerHost>();
        _metrics = metrics ?? new RuntimeMetrics();
    }

    /// <summary>True while this process runs the workers (always once started, without leader election).</summary>
    public bool IsLeader => _elector?.IsLeader ?? _runningControllers > 0;

    /// <summary>How many controllers currently have workers running.</summary>
    public int RunningControllers => _runningControllers;

    /// <summary>Ready to serve: every informer synced and, with leader election, leadership known (held or seen elsewhere).</summary>
    public bool IsReady => _run is not null && _informers.AllSynced && (_elector is null || _elector.IsLeadershipKnown);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("the controller host was already started");
        }
        foreach (var definition in _definitions)
        {
            Controller.InformersOf(definition, _informers);
        }
        _informers.Start();
        _run = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Drains in-flight reconciles; when <paramref name="cancellationToken"/> fires, cancels them instead.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopRequested.CancelAsync();
        await using (cancellationToken.Register(() => _abort.Cancel()))
        {
            if (_run is not null)
            {
                await _run;
            }
        }
        await _informers.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopRequested.IsCancellationRequested)
        {
            await StopAsync(new CancellationToken(canceled: true));
        }
        _stopRequested.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var stop = _stopRequested.Token;
        try
        {
            await _informers.WaitForCacheSyncAsync(stop);
            if (_elector is null)
            {
                await LeadAsync(CancellationToken.None);
                return;
            }
            while (!stop.IsCancellationRequested)
            {
                await _elector.RunAsync(LeadAsync, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped before the caches synced: there is nothing to drain.
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "The controller host stopped unexpectedly");
            throw;
        }
    }

    private async Task LeadAsync(CancellationToken leadershipLost)
    {
        using var workers = CancellationTokenSource.CreateLinkedTokenSource(leadershipLost, _abort.Token);
        var controllers = _definitions
            .Select(definition => new Controller(definition, _informers, _timeProvider, _loggerFactory.CreateLogger($"Skyforge.Runtime.Controllers.{definition.Name}"), _metrics))
            .ToList();
        foreach (var controller in controllers)
        {
            controller.Start(workers.Token);
        }
        _runningControllers = controllers.Count;
        _logger.LogInformation("Started {Count} controllers", controllers.Count);
        await UntilCancelledAsync(leadershipLost, _stopRequested.Token);
        if (leadershipLost.IsCancellationRequested)
        {
            _logger.LogWarning("Leadership lost: stopping every reconcile now");
        }
        await Task.WhenAll(controllers.Select(controller => controller.StopAsync()));
        _runningControllers = 0;
        _logger.LogInformation("Stopped {Count} controllers", controllers.Count);
    }

    private static async Task UntilCancelledAsync(CancellationToken first, CancellationToken second)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (first.Register(() => signal.TrySetResult()))
        await using (second.Register(() => signal.TrySetResult()))
        {
            await signal.Task;
        }
    }
}
