namespace Skyforge.Runtime.Controllers;

/// <summary>What a reconcile asks of the queue next.</summary>
public enum ReconcileOutcome
{
    /// <summary>Converged: nothing until the object (or something mapped to it) changes.</summary>
    Done,

    /// <summary>Converging (or a periodic drift check): look again after a set delay, backoff reset.</summary>
    RequeueAfter,

    /// <summary>Failed transiently: retry with per-item exponential backoff.</summary>
    Error,

    /// <summary>Failed for good (e.g. an invalid spec): no retry until the object changes.</summary>
    Terminal,
}
