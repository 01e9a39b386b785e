using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>
/// A minimal OpenAPI v3 surface: the index and one document per group/version whose PATCH operations
/// carry <c>x-kubernetes-group-version-kind</c> and the <c>fieldValidation</c> parameter (kubectl checks this
/// before relying on server-side field validation) and whose schemas are the CRD schemas (schemaless for
/// built-ins). <c>/openapi/v2</c> is not served.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Index(ResourceTypeRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.Groups())
        {
            foreach (var version in versions)
            {
                var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
                var hash = Hash(Document(registry, group, version)!);
                paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={hash}" };
            }
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for <c>api/v1</c> or <c>apis/&lt;group&gt;/&lt;version&gt;</c>, or null.</summary>
    public static JsonObject? DocumentForPath(ResourceTypeRegistry registry, string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            ["api", var version] => Document(registry, "", version),
            ["apis", var group, var version] => Document(registry, group, version),
            _ => null,
        };
    }

    private static JsonObject? Document(ResourceTypeRegistry registry, string group, string version)
    {
        var types = registry.InGroupVersion(group, version);
        if (types.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            var schemaName = $"{(group.Length == 0 ? "io.k8s.api.core" : string.Join('.', group.Split('.').Reverse()))}.{version}.{type.Kind}";
            var gvk = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = type.Kind };
            var schema = type.Schema is { } custom ? (JsonObject)custom.Raw.DeepClone() : new JsonObject
            {
                ["type"] = "object",
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
            schemas[schemaName] = schema;

            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
            paths[collection + "/{name}"] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{(type.Namespaced ? "Namespaced" : "")}{type.Kind}",
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
                    ["parameters"] = new JsonArray(
                        QueryParameter("dryRun"), QueryParameter("fieldManager"), QueryParameter("fieldValidation"), QueryParameter("force", "boolean")),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "OK",
                            ["content"] = new JsonObject
                            {
                                ["application/json"] = new JsonObject
                                {
                                    ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" },
                                },
                            },
                        },
                    },
                },
            };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = DiscoveryDocuments.ServerVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject QueryParameter(string name, string type = "string") => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..32];
}
