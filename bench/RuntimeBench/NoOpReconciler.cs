using Skyforge.Runtime.Controllers;

namespace Skyforge.RuntimeBench;

/// <summary>Does nothing but count, and signals once it has been called <c>expected</c> times.</summary>
internal sealed class NoOpReconciler(int expected) : IReconciler
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task AllReconciled => _all.Task;

    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _count) == expected)
        {
            _all.TrySetResult();
        }
        return Task.FromResult(ReconcileResult.Done);
    }
}
