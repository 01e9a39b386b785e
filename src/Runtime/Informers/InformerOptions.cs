namespace Skyforge.Runtime.Informers;

/// <summary>Tuning of the list+watch loop.</summary>
public sealed record InformerOptions
{
    /// <summary>Page size of the (re)list.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Watches ask the server to end them after a random time in [min, max], spreading reconnects.</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First wait after a failed list or watch; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
