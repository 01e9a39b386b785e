using System.Text.Json.Nodes;

namespace Skyforge.Crds.Schema;

/// <summary>The value at the same place in the old object, if there is one (JSON null counts as absent).</summary>
internal readonly record struct OldValue(bool Present, JsonNode? Node)
{
    public static readonly OldValue Absent = default;

    public static OldValue Of(JsonNode? node) => node is null ? Absent : new OldValue(true, node);
}
