using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Encryption of cached data.</summary>
public sealed record CacheEncryption
{
    /// <summary>Encrypt data on disk (snapshots, swap). Cannot change after creation.</summary>
    [Default("true"), Immutable]
    public bool? AtRest { get; init; }

    /// <summary>TLS between clients and nodes; required for AUTH on AWS.</summary>
    [Default("true")]
    public bool? InTransit { get; init; }
}
