namespace Skyforge.Crds.Schema.Cel;

/// <summary>A CEL map, or a schema object (whose field names are its keys).</summary>
internal abstract class CelMap
{
    public abstract int Count { get; }

    public abstract IEnumerable<object> Keys { get; }

    public abstract bool TryGet(object key, out object value);

    public bool ContainsKey(object key) => TryGet(key, out _);
}
