namespace Skyforge.Crds.Schema.Cel;

/// <summary>A map built by a map literal.</summary>
internal sealed class DictionaryCelMap(IReadOnlyList<KeyValuePair<object, object>> entries) : CelMap
{
    private readonly Dictionary<object, object> lookup = entries.ToDictionary(entry => entry.Key, entry => entry.Value, CelKeyComparer.Instance);

    public override int Count => entries.Count;

    public override IEnumerable<object> Keys => entries.Select(entry => entry.Key);

    public override bool TryGet(object key, out object value) => lookup.TryGetValue(key, out value!);
}
