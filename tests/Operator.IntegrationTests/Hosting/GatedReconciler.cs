using Skyforge.Runtime.Controllers;

namespace Skyforge.Operator.IntegrationTests.Hosting;

/// <summary>Holds its first reconcile open until released, and records whether its token was cancelled meanwhile.</summary>
internal sealed class GatedReconciler : IReconciler
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    /// <summary>Completes when the held reconcile returns; true if its token was cancelled before that.</summary>
    public Task<bool> FinishedCancelled => _finished.Task;

    public void Release() => _gate.TrySetResult();

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (!_started.TrySetResult())
        {
            return ReconcileResult.Done;
        }
        await Task.WhenAny(_gate.Task, Task.Delay(Timeout.Infinite, cancellationToken));
        _finished.TrySetResult(cancellationToken.IsCancellationRequested);
        return ReconcileResult.Done;
    }
}
