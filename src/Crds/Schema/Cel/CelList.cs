namespace Skyforge.Crds.Schema.Cel;

/// <summary>A CEL list; elements are converted to CEL values lazily by JSON-backed lists.</summary>
internal abstract class CelList
{
    public abstract int Count { get; }

    public virtual CelListSemantics Semantics => CelListSemantics.Ordered;

    /// <summary>Key fields identifying entries of a <see cref="CelListSemantics.Map"/> list.</summary>
    public virtual IReadOnlyList<string> MapKeys => [];

    public abstract object Get(int index);

    public IEnumerable<object> Elements()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Get(i);
        }
    }
}
