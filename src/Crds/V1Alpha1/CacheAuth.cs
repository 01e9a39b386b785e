using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Redis AUTH.</summary>
public sealed record CacheAuth
{
    /// <summary>Require an AUTH token; the operator generates it and stores it in Secrets Manager (aws) or the connection Secret.</summary>
    [Default("true")]
    public bool? Enabled { get; init; }
}
