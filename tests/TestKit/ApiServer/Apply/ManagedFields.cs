using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>
/// Reads and writes <c>metadata.managedFields</c> and records ownership for non-apply writes:
/// the writer takes every field whose value it changed; fields that disappeared leave every owner.
/// </summary>
internal static class ManagedFields
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj["metadata"]?["managedFields"] is not JsonArray array)
        {
            return entries;
        }
        foreach (var node in array.OfType<JsonObject>())
        {
            entries.Add(new ManagedFieldsEntry
            {
                Manager = node["manager"]?.GetValue<string>() ?? "",
                Operation = node["operation"]?.GetValue<string>() ?? UpdateOperation,
                ApiVersion = node["apiVersion"]?.GetValue<string>() ?? "",
                Time = node["time"]?.GetValue<string>() ?? "",
                Subresource = node["subresource"]?.GetValue<string>(),
                Fields = FieldSet.FromJson(node["fieldsV1"] as JsonObject),
            });
        }
        return entries;
    }

    public static void Write(JsonObject obj, IReadOnlyList<ManagedFieldsEntry> entries)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        var live = entries.Where(e => !e.Fields.IsEmpty).ToList();
        if (live.Count == 0)
        {
            metadata.Remove("managedFields");
            return;
        }
        var array = new JsonArray();
        foreach (var entry in live)
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = entry.Fields.ToJson(),
            };
            if (entry.Subresource is not null)
            {
                json["subresource"] = entry.Subresource;
            }
            array.Add(json);
        }
        metadata["managedFields"] = array;
    }

    /// <summary>Records a create, update or non-apply patch by <paramref name="manager"/> on <paramref name="updated"/>.</summary>
    public static void RecordUpdate(ResourceType type, JsonObject? previous, JsonObject updated, string manager,
        FieldScope scope, string? subresource, string apiVersion, string time)
    {
        var entries = Read(updated);
        var before = previous is null ? new FieldSet() : ObjectFields.Build(type, previous, scope);
        var after = ObjectFields.Build(type, updated, scope);

        var changed = new List<IReadOnlyList<string>>();
        foreach (var leaf in after.Leaves())
        {
            if (!before.ContainsLeaf(leaf))
            {
                changed.Add(leaf);
                continue;
            }
            ObjectFields.TryGet(previous, leaf, out var oldValue);
            ObjectFields.TryGet(updated, leaf, out var newValue);
            if (!JsonNode.DeepEquals(oldValue, newValue))
            {
                changed.Add(leaf);
            }
        }
        var removed = before.Leaves().Where(leaf => !after.ContainsLeaf(leaf)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }
        foreach (var entry in entries)
        {
            foreach (var path in removed)
            {
                entry.Fields.RemoveOverlapping(path);
            }
            if (entry.IsSameOwner(manager, UpdateOperation, subresource))
            {
                continue;
            }
            foreach (var path in changed)
            {
                entry.Fields.RemoveOverlapping(path);
            }
        }
        var own = entries.FirstOrDefault(e => e.IsSameOwner(manager, UpdateOperation, subresource));
        if (own is null)
        {
            own = new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = UpdateOperation,
                ApiVersion = apiVersion,
                Time = time,
                Subresource = subresource,
                Fields = new FieldSet(),
            };
            entries.Add(own);
        }
        foreach (var path in changed)
        {
            own.Fields.Add(path);
        }
        own.Time = time;
        own.ApiVersion = apiVersion;
        Write(updated, entries);
    }
}
