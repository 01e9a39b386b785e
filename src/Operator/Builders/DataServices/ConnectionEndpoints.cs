namespace Skyforge.Operator.Builders.DataServices;

/// <summary>
/// Addresses AWS assigns when it creates a service, as the controller observed them. Builders put them
/// into the connection Secret; without them (render, or before the create finished) the Secret carries
/// <see cref="Pending"/> instead.
/// </summary>
public sealed record ConnectionEndpoints
{
    /// <summary>What the connection Secret says for an address AWS has not assigned yet.</summary>
    public const string Pending = "<assigned by AWS after create>";

    public static ConnectionEndpoints None { get; } = new();

    /// <summary>Writer, primary or serverless endpoint host.</summary>
    public string? Host { get; init; }

    /// <summary>Port of <see cref="Host"/>, when AWS reports one other than the engine's default.</summary>
    public int? Port { get; init; }

    /// <summary>Reader endpoint host (Aurora reader endpoint, first RDS read replica, ElastiCache reader endpoint).</summary>
    public string? ReaderHost { get; init; }

    /// <summary>ElastiCache cluster-mode configuration endpoint host.</summary>
    public string? ConfigurationHost { get; init; }

    /// <summary>MSK bootstrap brokers for the bus's authentication mode, comma-separated host:port.</summary>
    public string? BootstrapServers { get; init; }
}
