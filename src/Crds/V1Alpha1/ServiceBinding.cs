using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>
/// A data service the workload uses: its connection Secret is injected as environment variables
/// (PREFIX_HOST, PREFIX_PORT, PREFIX_USERNAME, PREFIX_PASSWORD, PREFIX_DATABASE, PREFIX_URI, ...).
/// </summary>
[CelRule("(has(self.database) ? 1 : 0) + (has(self.cache) ? 1 : 0) + (has(self.messageBus) ? 1 : 0) + (has(self.secret) ? 1 : 0) == 1", "set exactly one of database, cache, messageBus or secret")]
public sealed record ServiceBinding
{
    /// <summary>Name of a database in spec.databases.</summary>
    [Pattern(Patterns.DnsLabel)]
    public string? Database { get; init; }

    /// <summary>Name of a cache in spec.caches.</summary>
    [Pattern(Patterns.DnsLabel)]
    public string? Cache { get; init; }

    /// <summary>Name of a bus in spec.messageBuses.</summary>
    [Pattern(Patterns.DnsLabel)]
    public string? MessageBus { get; init; }

    /// <summary>Name of a secret in spec.secrets.</summary>
    [Pattern(Patterns.DnsLabel)]
    public string? Secret { get; init; }

    /// <summary>Prefix of the injected variables; the upper-cased name when unset.</summary>
    [Length(1, 64), Pattern("^[A-Z][A-Z0-9_]*$")]
    public string? EnvPrefix { get; init; }
}
