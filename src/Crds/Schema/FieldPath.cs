using System.Globalization;
using System.Text;

namespace Skyforge.Crds.Schema;

/// <summary>
/// An object path built while walking a value; rendered only when an error is reported, in the
/// format of the API server's <c>field.Path</c> (<c>spec.items[2].name</c>, <c>spec.tags[env]</c>).
/// </summary>
internal sealed class FieldPath
{
    public static readonly FieldPath Root = new(null, string.Empty, SegmentKind.Root);

    private readonly FieldPath? parent;
    private readonly string segment;
    private readonly SegmentKind kind;

    private FieldPath(FieldPath? parent, string segment, SegmentKind kind)
    {
        this.parent = parent;
        this.segment = segment;
        this.kind = kind;
    }

    private enum SegmentKind
    {
        Root,
        Child,
        Subscript,
    }

    public bool IsRoot => kind == SegmentKind.Root;

    public FieldPath Child(string name) => new(this, name, SegmentKind.Child);

    public FieldPath Index(int index) => new(this, index.ToString(CultureInfo.InvariantCulture), SegmentKind.Subscript);

    public FieldPath Key(string key) => new(this, key, SegmentKind.Subscript);

    public override string ToString()
    {
        if (IsRoot)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (parent is null || kind == SegmentKind.Root)
        {
            return;
        }

        parent.Append(builder);
        if (kind == SegmentKind.Subscript)
        {
            builder.Append('[').Append(segment).Append(']');
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(segment);
    }
}
