namespace Skyforge.Kubernetes.Models;

/// <summary><c>metav1.Condition</c>.</summary>
public sealed record Condition
{
    public string Type { get; init; } = "";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string Status { get; init; } = "";

    public long? ObservedGeneration { get; init; }

    /// <summary>When <see cref="Status"/> last changed (whole seconds).</summary>
    public DateTimeOffset LastTransitionTime { get; init; }

    public string Reason { get; init; } = "";

    public string Message { get; init; } = "";
}
