using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>A committed change, kept in the watch history window.</summary>
internal sealed record StoredEvent(long Revision, ChangeType Type, StorageKey Key, JsonObject Object, JsonObject? Previous);

internal enum ChangeType
{
    Added,
    Modified,
    Deleted,
}
