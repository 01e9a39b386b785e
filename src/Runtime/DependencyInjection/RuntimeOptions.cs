using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Runtime.DependencyInjection;

/// <summary>Process-wide runtime settings.</summary>
public sealed class RuntimeOptions
{
    /// <summary>The namespace to watch; null watches all namespaces.</summary>
    public string? Namespace { get; set; }

    /// <summary>Null runs without leader election (a single replica).</summary>
    public LeaderElectionOptions? LeaderElection { get; set; }

    public EventRecorderOptions Events { get; set; } = new();

    public InformerOptions Informers { get; set; } = new();
}
