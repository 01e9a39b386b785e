using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.Queue;

namespace Skyforge.Runtime.Controllers;

/// <summary>Fluent construction of a <see cref="ControllerDefinition"/>.</summary>
public sealed class ControllerBuilder
{
    private readonly string _name;
    private readonly ResourceType _for;
    private readonly List<WatchSource> _watches = [];
    private LabelSelector? _selector;
    private int _workers = 1;
    private Func<CachedObject?, CachedObject, bool>? _primaryFilter;
    private Func<TimeProvider, IRateLimiter<ObjectKey>> _rateLimiter = RateLimiters.DefaultControllerRateLimiter<ObjectKey>;

    public ControllerBuilder(string name, ResourceType forType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        _for = forType;
    }

    /// <summary>Caches and reconciles only primaries matching <paramref name="selector"/>.</summary>
    public ControllerBuilder WithSelector(LabelSelector selector)
    {
        _selector = selector;
        return this;
    }

    /// <summary>Watches objects this controller owns (controller ownerReference to a primary).</summary>
    public ControllerBuilder Owns(ResourceType type, LabelSelector? selector = null)
    {
        _watches.Add(WatchSource.OwnedBy(type, _for, selector));
        return this;
    }

    /// <summary>Watches objects that name their primary in labels (cross-namespace or unowned).</summary>
    public ControllerBuilder WatchesByLabels(ResourceType type, string nameLabel, string? namespaceLabel = null)
    {
        _watches.Add(WatchSource.ByLabels(type, nameLabel, namespaceLabel, _for));
        return this;
    }

    public ControllerBuilder Watches(ResourceType type, Func<CachedObject, IEnumerable<ObjectKey>> map, LabelSelector? selector = null)
    {
        _watches.Add(WatchSource.Mapped(type, map, selector));
        return this;
    }

    public ControllerBuilder WithWorkers(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _workers = workers;
        return this;
    }

    /// <summary>E.g. <see cref="PrimaryFilters.GenerationOrMetadataChanged"/> to skip status-only updates.</summary>
    public ControllerBuilder WithPrimaryFilter(Func<CachedObject?, CachedObject, bool> filter)
    {
        _primaryFilter = filter;
        return this;
    }

    public ControllerBuilder WithRateLimiter(Func<TimeProvider, IRateLimiter<ObjectKey>> rateLimiter)
    {
        _rateLimiter = rateLimiter;
        return this;
    }

    public ControllerDefinition Build(IReconciler reconciler) => new()
    {
        Name = _name,
        For = _for,
        ForSelector = _selector,
        Reconciler = reconciler,
        Workers = _workers,
        Watches = [.. _watches],
        PrimaryFilter = _primaryFilter,
        RateLimiter = _rateLimiter,
    };
}
