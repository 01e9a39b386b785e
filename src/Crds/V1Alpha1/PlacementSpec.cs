using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Where pods are scheduled.</summary>
public sealed record PlacementSpec
{
    /// <summary>Spread each service's pods across availability zones (and nodes).</summary>
    [Default("true")]
    public bool? SpreadAcrossZones { get; init; }

    /// <summary>Node labels every pod requires.</summary>
    [MaxProperties(20)]
    public Dictionary<string, string>? NodeSelector { get; init; }
}
