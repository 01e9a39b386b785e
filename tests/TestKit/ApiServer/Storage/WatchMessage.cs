using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Storage;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR with its object.</summary>
internal sealed record WatchMessage(string Type, JsonObject Object);
