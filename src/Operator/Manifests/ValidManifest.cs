using System.Text.Json.Nodes;

namespace Skyforge.Operator.Manifests;

/// <summary>A manifest that passed schema and semantic validation, with the CRD defaults applied.</summary>
/// <param name="Object">The typed resource (AppPlatform, ManagedDatabase, ...).</param>
/// <param name="Json">The defaulted JSON the API server would store.</param>
public sealed record ValidManifest(string Kind, object Object, JsonObject Json);
