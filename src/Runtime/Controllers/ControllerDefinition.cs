using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.Queue;

namespace Skyforge.Runtime.Controllers;

/// <summary>Everything the host needs to run one controller; build it with <see cref="ControllerBuilder"/>.</summary>
public sealed record ControllerDefinition
{
    /// <summary>Names the controller in logs and metrics (and its work queue).</summary>
    public required string Name { get; init; }

    /// <summary>The primary resource: its keys are what the reconciler receives.</summary>
    public required ResourceType For { get; init; }

    public LabelSelector? ForSelector { get; init; }

    public required IReconciler Reconciler { get; init; }

    public int Workers { get; init; } = 1;

    public IReadOnlyList<WatchSource> Watches { get; init; } = [];

    /// <summary>
    /// Whether a change of a primary object (previous is null for adds) should enqueue it; deletes always do.
    /// Null enqueues every change.
    /// </summary>
    public Func<CachedObject?, CachedObject, bool>? PrimaryFilter { get; init; }

    public Func<TimeProvider, IRateLimiter<ObjectKey>> RateLimiter { get; init; } = RateLimiters.DefaultControllerRateLimiter<ObjectKey>;
}
