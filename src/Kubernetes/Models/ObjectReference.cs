namespace Skyforge.Kubernetes.Models;

/// <summary><c>core/v1.ObjectReference</c>, e.g. an Event's involvedObject.</summary>
public sealed record ObjectReference
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    public string? FieldPath { get; init; }
}
