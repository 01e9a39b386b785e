namespace Skyforge.Crds.Schema.Cel;

/// <summary>A list built during evaluation (list literal, macro result, concatenation).</summary>
internal sealed class ArrayCelList(IReadOnlyList<object> items, CelListSemantics semantics = CelListSemantics.Ordered, IReadOnlyList<string>? mapKeys = null) : CelList
{
    public static readonly ArrayCelList Empty = new([]);

    public override int Count => items.Count;

    public override CelListSemantics Semantics => semantics;

    public override IReadOnlyList<string> MapKeys => mapKeys ?? [];

    public override object Get(int index) => items[index];
}
