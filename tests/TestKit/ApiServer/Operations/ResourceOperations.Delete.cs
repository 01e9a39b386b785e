using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Selectors;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Operations;

internal sealed partial class ResourceOperations
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    /// <summary>
    /// DELETE: with finalizers (including the one a Foreground/Orphan policy adds) the object only gets
    /// deletionTimestamp and is returned; otherwise it is removed and a Success Status returned.
    /// </summary>
    public WriteResult Delete(ResourceType type, string ns, string name, DeleteRequest request)
    {
        lock (_store.Gate)
        {
            var old = _store.Get(type.Key, ns, name) ?? throw ApiErrors.NotFound(type, name);
            if (request.PreconditionUid is { Length: > 0 } uid && uid != JsonTree.Uid(old))
            {
                throw ApiErrors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonTree.Uid(old)}");
            }
            var currentVersion = JsonTree.GetString(old, "metadata", "resourceVersion");
            if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != currentVersion)
            {
                throw ApiErrors.Conflict(type, name,
                    $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {currentVersion}");
            }
            return DeleteCore(type, old, request.PropagationPolicy, request.DryRun);
        }
    }

    public JsonObject DeleteCollection(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, DeleteRequest request)
    {
        lock (_store.Gate)
        {
            var items = new JsonArray();
            foreach (var obj in _store.List(type.Key, ns).Where(o => labels.Matches(o["metadata"]?["labels"] as JsonObject) && fields.Matches(o)))
            {
                var result = DeleteCore(type, obj, request.PropagationPolicy, request.DryRun);
                var item = JsonTree.GetString(result.Body, "kind") == "Status" ? (JsonObject)obj.DeepClone() : (JsonObject)result.Body.DeepClone();
                items.Add(item);
            }
            return new JsonObject
            {
                ["kind"] = type.EffectiveListKind,
                ["apiVersion"] = type.GroupVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _store.FormatRevision(_store.Revision) },
                ["items"] = items,
            };
        }
    }

    /// <summary>A delete issued by a server-side controller (garbage collector, namespace or CRD cleanup).</summary>
    public void DeleteByController(ResourceType type, JsonObject obj, string propagationPolicy)
    {
        lock (_store.Gate)
        {
            var current = _store.Get(type.Key, JsonTree.Namespace(obj), JsonTree.Name(obj));
            if (current is not null && JsonTree.Uid(current) == JsonTree.Uid(obj))
            {
                DeleteCore(type, current, propagationPolicy, dryRun: false);
            }
        }
    }

    /// <summary>An update issued by a server-side controller; skipped when the object changed identity.</summary>
    public void UpdateByController(ResourceType type, JsonObject obj, string manager, Action<JsonObject> change)
    {
        lock (_store.Gate)
        {
            var current = _store.Get(type.Key, JsonTree.Namespace(obj), JsonTree.Name(obj));
            if (current is null || JsonTree.Uid(current) != JsonTree.Uid(obj))
            {
                return;
            }
            var updated = (JsonObject)current.DeepClone();
            change(updated);
            UpdateCore(type, current, updated, new WriteOptions(FieldManager: manager, FieldValidation: FieldValidationMode.Ignore),
                subresource: null, requireResourceVersion: false, ownershipRecorded: false);
        }
    }

    private WriteResult DeleteCore(ResourceType type, JsonObject old, string? propagationPolicy, bool dryRun)
    {
        var name = JsonTree.Name(old);
        var result = (JsonObject)old.DeepClone();
        var finalizers = JsonTree.Finalizers(result);
        switch (propagationPolicy)
        {
            case null or "" or "Background":
                break;
            case "Foreground":
                AddOnce(finalizers, ForegroundFinalizer);
                finalizers.Remove(OrphanFinalizer);
                break;
            case "Orphan":
                AddOnce(finalizers, OrphanFinalizer);
                finalizers.Remove(ForegroundFinalizer);
                break;
            default:
                throw ApiErrors.Invalid(type, name, "propagationPolicy",
                    $"Unsupported value: \"{propagationPolicy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        JsonTree.SetFinalizers(result, finalizers);
        if (HasPendingFinalizers(type, result))
        {
            var metadata = (JsonObject)result["metadata"]!;
            if (!JsonTree.IsDeleting(old))
            {
                metadata["deletionTimestamp"] = Now();
                metadata["deletionGracePeriodSeconds"] = 0;
                if (type.TracksGeneration && metadata["generation"] is { } generation)
                {
                    metadata["generation"] = (JsonTree.AsLong(generation) ?? 0) + 1;
                }
                if (type == BuiltInResourceTypes.Namespaces)
                {
                    result["status"] = new JsonObject { ["phase"] = "Terminating" };
                }
            }
            if (dryRun || JsonNode.DeepEquals(result, old))
            {
                return new WriteResult(dryRun ? result : old, 200, []);
            }
            var stored = _store.Put(type.Key, result);
            AfterCommit(type, stored, removed: false);
            return new WriteResult(stored, 200, []);
        }
        if (!dryRun)
        {
            var removed = _store.Remove(type.Key, old);
            AfterCommit(type, removed, removed: true);
        }
        return new WriteResult(SuccessStatus(type, name, JsonTree.Uid(old)), 200, []);
    }

    private static JsonObject SuccessStatus(ResourceType type, string name, string uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = ApiException.DetailsToJson(new StatusDetails(name, type.Group, type.Plural, uid)),
    };

    private static void AddOnce(List<string> finalizers, string finalizer)
    {
        if (!finalizers.Contains(finalizer))
        {
            finalizers.Add(finalizer);
        }
    }
}
