namespace Skyforge.Crds.Schema;

/// <summary>The JSON type of a value as the API server sees it after decoding (integers are distinct from floats).</summary>
internal enum JsonKind
{
    Null,
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}
