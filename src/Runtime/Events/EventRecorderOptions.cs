namespace Skyforge.Runtime.Events;

/// <summary>How events are attributed, deduplicated and rate-limited.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>The <c>source.component</c> / <c>reportingComponent</c> of every event.</summary>
    public string Component { get; init; } = "controller";

    /// <summary>The <c>source.host</c> / <c>reportingInstance</c>, e.g. the pod name.</summary>
    public string Instance { get; init; } = Environment.MachineName;

    /// <summary>How many distinct events are remembered for de-duplication.</summary>
    public int CacheSize { get; init; } = 4096;

    /// <summary>Per involved object: events allowed in a burst...</summary>
    public int Burst { get; init; } = 25;

    /// <summary>...and the time it takes to earn one more (client-go: one per 5 minutes).</summary>
    public TimeSpan RefillInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Events waiting to be written beyond which new ones are dropped.</summary>
    public int QueueCapacity { get; init; } = 1024;

    public int MaxMessageLength { get; init; } = 1024;
}
