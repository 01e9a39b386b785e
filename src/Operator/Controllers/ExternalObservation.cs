using System.Text.Json.Nodes;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Controllers;

/// <summary>What a provider saw in AWS (or the cluster) for one resource.</summary>
public sealed record ExternalObservation
{
    public static ExternalObservation Absent { get; } = new() { Exists = false };

    public required bool Exists { get; init; }

    /// <summary>Whom the resource's ownership tags name; only <see cref="TaggedOwner.AnotherOwner"/> stops the reconciler.</summary>
    public TaggedOwner Owner { get; init; } = TaggedOwner.ThisOwner;

    /// <summary>Whether every mutable field matches the spec (false makes the reconciler call Update).</summary>
    public bool UpToDate { get; init; } = true;

    /// <summary>AWS is still creating, modifying or deleting it: look again soon.</summary>
    public bool Transitioning { get; init; }

    /// <summary>The state in AWS's words for messages, e.g. "creating" or "available"; never a secret.</summary>
    public string? State { get; init; }

    /// <summary>What differs from the spec, for the Synced message (field names only).</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>
    /// Kubernetes objects to apply once the resource is usable (the connection Secret first); null applies
    /// nothing this time, e.g. because values were not re-read.
    /// </summary>
    public IReadOnlyList<JsonObject>? Publish { get; init; }

    /// <summary>Kind-specific status members (endpoint, arn, ...) merged into the status; never a secret.</summary>
    public JsonObject? StatusFields { get; init; }

    /// <summary>Look again no later than this, when the kind has its own schedule (refresh, rotation).</summary>
    public TimeSpan? NextCheck { get; init; }
}
