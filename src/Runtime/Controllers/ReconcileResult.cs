namespace Skyforge.Runtime.Controllers;

/// <summary>The result of one reconcile, carrying the controller's intent.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileOutcome outcome, TimeSpan delay, Exception? error, string? reason)
    {
        Outcome = outcome;
        Delay = delay;
        Error = error;
        Reason = reason;
    }

    public static ReconcileResult Done { get; } = new(ReconcileOutcome.Done, TimeSpan.Zero, null, null);

    public ReconcileOutcome Outcome { get; }

    /// <summary>For <see cref="ReconcileOutcome.RequeueAfter"/>: how long to wait.</summary>
    public TimeSpan Delay { get; }

    public Exception? Error { get; }

    /// <summary>A short explanation for logs (never a secret).</summary>
    public string? Reason { get; }

    public static ReconcileResult RequeueAfter(TimeSpan delay) =>
        delay >= TimeSpan.Zero ? new(ReconcileOutcome.RequeueAfter, delay, null, null) : throw new ArgumentOutOfRangeException(nameof(delay));

    public static ReconcileResult Failed(Exception error) => new(ReconcileOutcome.Error, TimeSpan.Zero, error, error.Message);

    public static ReconcileResult Failed(string reason) => new(ReconcileOutcome.Error, TimeSpan.Zero, null, reason);

    public static ReconcileResult Terminal(string reason) => new(ReconcileOutcome.Terminal, TimeSpan.Zero, null, reason);
}
