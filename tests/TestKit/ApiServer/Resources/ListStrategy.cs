namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>How a list field merges in strategic merge patch and server-side apply.</summary>
internal sealed record ListStrategy(ListStrategyKind Kind, IReadOnlyList<string> Keys)
{
    public static readonly ListStrategy Atomic = new(ListStrategyKind.Atomic, []);
    public static readonly ListStrategy Set = new(ListStrategyKind.Set, []);

    public static ListStrategy MapBy(params string[] keys) => new(ListStrategyKind.Map, keys);
}

internal enum ListStrategyKind
{
    /// <summary>The whole list is one value: replaced as a unit, owned as a unit.</summary>
    Atomic,

    /// <summary>A list of scalars merged as a set (metadata.finalizers).</summary>
    Set,

    /// <summary>A list of objects identified by key fields (containers by name).</summary>
    Map,
}
