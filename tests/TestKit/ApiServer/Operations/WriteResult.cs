using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>What a write returns to the client: the object (or a Status), the HTTP code and any warnings.</summary>
internal sealed record WriteResult(JsonObject Body, int StatusCode, IReadOnlyList<string> Warnings);
