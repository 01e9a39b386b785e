using System.Text.Json.Nodes;
using Skyforge.Operator.Manifests;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// Validates a stored Skyforge object the way `skyforge validate` checks a manifest (schema, CEL, semantic
/// rules): the defensive check every reconciler makes before acting, for objects that reached the cluster
/// without the CRD's rules (an older CRD, a direct etcd write) or whose problems the schema cannot express.
/// </summary>
internal static class StoredSpecValidation
{
    /// <summary>One line per problem, "field.path: message".</summary>
    public static List<string> Problems(CachedObject cached)
    {
        var raw = cached.ToJsonObject();
        var document = new JsonObject
        {
            ["apiVersion"] = raw["apiVersion"]?.DeepClone(),
            ["kind"] = raw["kind"]?.DeepClone(),
            ["metadata"] = new JsonObject { ["name"] = cached.Key.Name, ["namespace"] = cached.Key.Namespace },
            ["spec"] = raw["spec"]?.DeepClone(),
        };
        var (_, problems) = ManifestValidator.Validate(new ManifestDocument("cluster", 1, document));
        return [.. problems.Select(problem => problem.Path.Length == 0 ? problem.Message : $"{problem.Path}: {problem.Message}")];
    }
}
