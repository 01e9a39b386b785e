namespace Skyforge.Crds.Schema.Cel;

/// <summary>Map-key equality with CEL semantics: <c>1</c>, <c>1u</c> and <c>1.0</c> are the same key.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<object>
{
    public static readonly CelKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => x is not null && y is not null && CelOperators.AreEqual(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        long value => ((double)value).GetHashCode(),
        ulong value => ((double)value).GetHashCode(),
        double value => value.GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
