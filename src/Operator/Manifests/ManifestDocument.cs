using System.Text.Json.Nodes;

namespace Skyforge.Operator.Manifests;

/// <summary>One YAML document of an input file.</summary>
/// <param name="Source">The file it came from.</param>
/// <param name="Index">1-based position in the file.</param>
public sealed record ManifestDocument(string Source, int Index, JsonNode Content);
