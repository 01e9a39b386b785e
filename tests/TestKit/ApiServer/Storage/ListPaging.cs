using System.Text;
using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>One page of a list and where the next page starts.</summary>
internal sealed record ListPage(IReadOnlyList<JsonObject> Items, long Revision, ContinueToken? Continue, int RemainingItemCount);

/// <summary>The state behind a <c>continue</c> token: a list snapshot taken at one revision.</summary>
internal sealed record Snapshot(string Id, long Revision, IReadOnlyList<JsonObject> Items);

/// <summary>The opaque <c>continue</c> value: base64 JSON naming the snapshot, its revision and the next offset.</summary>
internal sealed record ContinueToken(long Revision, string SnapshotId, int Offset)
{
    public string Encode()
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = Revision, ["snapshot"] = SnapshotId, ["start"] = Offset };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static ContinueToken? TryDecode(string text)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text))) as JsonObject;
            if (json?["rv"] is null || json["snapshot"] is null || json["start"] is null)
            {
                return null;
            }
            return new ContinueToken(JsonTree.AsLong(json["rv"]) ?? 0, json["snapshot"]!.GetValue<string>(), (int)(JsonTree.AsLong(json["start"]) ?? 0));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>Recent list snapshots still reachable through continue tokens (bounded, oldest evicted first).</summary>
internal sealed class ListSnapshots
{
    private const int Capacity = 64;
    private readonly LinkedList<Snapshot> _snapshots = new();

    public void Add(Snapshot snapshot)
    {
        if (_snapshots.Any(s => s.Id == snapshot.Id))
        {
            return;
        }
        _snapshots.AddLast(snapshot);
        while (_snapshots.Count > Capacity)
        {
            _snapshots.RemoveFirst();
        }
    }

    public bool TryGet(string id, out Snapshot? snapshot)
    {
        snapshot = _snapshots.FirstOrDefault(s => s.Id == id);
        return snapshot is not null;
    }

    public void DropOlderThan(long revision)
    {
        var node = _snapshots.First;
        while (node is not null)
        {
            var next = node.Next;
            if (node.Value.Revision < revision)
            {
                _snapshots.Remove(node);
            }
            node = next;
        }
    }
}
