using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;
using Skyforge.TestKit.ApiServer.Apply;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Patching;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Operations;

internal sealed partial class ResourceOperations
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    public static IReadOnlyList<string> AcceptedPatchTypes(ResourceType type) =>
        type.IsCustom
            ? [JsonPatchType, MergePatchType, ApplyPatchType]
            : [JsonPatchType, MergePatchType, StrategicMergePatchType, ApplyPatchType];

    public WriteResult Patch(ResourceType type, string ns, string name, string? subresource, string contentType, string body, WriteOptions options)
    {
        if (!AcceptedPatchTypes(type).Contains(contentType))
        {
            throw ApiErrors.UnsupportedMediaType(contentType, AcceptedPatchTypes(type));
        }
        if (contentType == ApplyPatchType)
        {
            return Apply(type, ns, name, subresource, body, options);
        }
        var patch = ParseJson(body);
        lock (_store.Gate)
        {
            var old = _store.Get(type.Key, ns, name) ?? throw ApiErrors.NotFound(type, name);
            JsonNode? patched;
            try
            {
                patched = contentType switch
                {
                    JsonPatchType => JsonPatchDocument.Apply(old, patch),
                    MergePatchType => JsonMergePatch.Apply(old, patch),
                    _ => patch is JsonObject patchObject
                        ? StrategicMergePatch.Apply(type, old, patchObject)
                        : throw ApiErrors.BadRequest("the patch is not a JSON object"),
                };
            }
            catch (JsonPatchException ex)
            {
                throw new ApiException(422, "Invalid", ex.Message, new StatusDetails(name, type.Group, type.Kind));
            }
            if (patched is not JsonObject patchedObject)
            {
                throw ApiErrors.BadRequest("the patched object is not a JSON object");
            }
            return UpdateCore(type, old, patchedObject, options, subresource, requireResourceVersion: false, ownershipRecorded: false);
        }
    }

    /// <summary>Server-side apply: creates when absent, otherwise merges under field ownership (see <see cref="ServerSideApply"/>).</summary>
    private WriteResult Apply(ResourceType type, string ns, string name, string? subresource, string body, WriteOptions options)
    {
        if (string.IsNullOrEmpty(options.FieldManager))
        {
            throw ApiErrors.BadRequest("PATCH, fieldManager is required for apply requests");
        }
        JsonNode parsed;
        try
        {
            parsed = YamlDocuments.ParseSingle(body);
        }
        catch (YamlFormatException ex)
        {
            throw ApiErrors.BadRequest($"error decoding YAML: {ex.Message}");
        }
        if (parsed is not JsonObject config)
        {
            throw ApiErrors.BadRequest("the apply configuration is not an object");
        }
        CheckTypeMeta(type, config);
        var configName = config["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (configName != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({configName}) does not match the name on the URL ({name})");
        }
        CheckNameAndNamespace(type, ns, name, config);
        var scope = ScopeOf(type, subresource);
        lock (_store.Gate)
        {
            var old = _store.Get(type.Key, ns, name);
            var now = Now();
            if (old is null)
            {
                if (subresource is not null)
                {
                    throw ApiErrors.NotFound(type, name);
                }
                var empty = new JsonObject
                {
                    ["apiVersion"] = type.GroupVersion,
                    ["kind"] = type.Kind,
                    ["metadata"] = new JsonObject { ["name"] = name },
                };
                var created = ServerSideApply.Apply(type, empty, config, options.FieldManager, options.Force, scope, null, now);
                return CreateCore(type, ns, created, options, ownershipRecorded: true);
            }
            var resourceVersion = config["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != JsonTree.GetString(old, "metadata", "resourceVersion"))
            {
                throw ApiErrors.StaleResourceVersion(type, name);
            }
            var merged = ServerSideApply.Apply(type, old, config, options.FieldManager, options.Force, scope, subresource, now);
            return UpdateCore(type, old, merged, options, subresource, requireResourceVersion: false, ownershipRecorded: true);
        }
    }

    private static JsonNode? ParseJson(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw ApiErrors.BadRequest($"error decoding patch: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw ApiErrors.BadRequest($"error decoding patch: {ex.Message}");
        }
    }
}
