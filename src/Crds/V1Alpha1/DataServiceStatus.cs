namespace Skyforge.Crds.V1Alpha1;

/// <summary>Readiness of one composed data service.</summary>
public sealed record DataServiceStatus
{
    /// <summary>Kind of the child resource.</summary>
    public required string Kind { get; init; }

    /// <summary>Name of the child resource.</summary>
    public required string Name { get; init; }

    /// <summary>Whether its Ready condition is True.</summary>
    public bool Ready { get; init; }

    /// <summary>Its Ready condition's message.</summary>
    public string? Message { get; init; }
}
