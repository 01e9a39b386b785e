namespace Skyforge.Crds.V1Alpha1;

/// <summary>A network address clients connect to.</summary>
public sealed record Endpoint
{
    /// <summary>DNS name or address.</summary>
    public string? Host { get; init; }

    /// <summary>TCP port.</summary>
    public int? Port { get; init; }
}
