using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>
/// A set of field paths in the managedFields <c>FieldsV1</c> trie form: keys are <c>f:&lt;field&gt;</c>,
/// <c>k:&lt;json key&gt;</c> (keyed list item), <c>v:&lt;json value&gt;</c> (set item) and <c>.</c> (the item itself).
/// Members are the leaves; inner nodes only group them.
/// </summary>
internal sealed class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    public bool IsEmpty => _children.Count == 0;

    public IReadOnlyDictionary<string, FieldSet> Children => _children;

    public static FieldSet FromJson(JsonObject? fieldsV1)
    {
        var set = new FieldSet();
        if (fieldsV1 is null)
        {
            return set;
        }
        foreach (var (key, value) in fieldsV1)
        {
            set._children[key] = FromJson(value as JsonObject);
        }
        return set;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, child) in _children)
        {
            json[key] = child.ToJson();
        }
        return json;
    }

    public FieldSet Clone() => FromJson(ToJson());

    public FieldSet GetOrAdd(string element)
    {
        if (!_children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            _children[element] = child;
        }
        return child;
    }

    /// <summary>Adds <paramref name="child"/> under <paramref name="element"/>, merging with what is there.</summary>
    public void Attach(string element, FieldSet child)
    {
        if (!_children.TryGetValue(element, out var existing))
        {
            _children[element] = child;
            return;
        }
        foreach (var leaf in child.Leaves())
        {
            existing.Add(leaf);
        }
    }

    /// <summary>Every member path, depth first.</summary>
    public IEnumerable<IReadOnlyList<string>> Leaves()
    {
        foreach (var (key, child) in _children)
        {
            if (child.IsEmpty)
            {
                yield return [key];
                continue;
            }
            foreach (var rest in child.Leaves())
            {
                var path = new List<string>(rest.Count + 1) { key };
                path.AddRange(rest);
                yield return path;
            }
        }
    }

    public void Add(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            node = node.GetOrAdd(element);
        }
    }

    public bool ContainsLeaf(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var next))
            {
                return false;
            }
            node = next;
        }
        return node.IsEmpty;
    }

    /// <summary>True when a member is at <paramref name="path"/>, below it, or is an (atomic) ancestor of it.</summary>
    public bool Overlaps(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var next))
            {
                return false;
            }
            if (next.IsEmpty)
            {
                return true;
            }
            node = next;
        }
        return true;
    }

    /// <summary>Removes every member overlapping <paramref name="path"/> and prunes emptied groups.</summary>
    public void RemoveOverlapping(IReadOnlyList<string> path) => RemoveOverlapping(path, 0);

    private bool RemoveOverlapping(IReadOnlyList<string> path, int depth)
    {
        if (depth == path.Count)
        {
            return true;
        }
        if (!_children.TryGetValue(path[depth], out var child))
        {
            return false;
        }
        if (child.IsEmpty || child.RemoveOverlapping(path, depth + 1))
        {
            _children.Remove(path[depth]);
        }
        return _children.Count == 0;
    }
}
