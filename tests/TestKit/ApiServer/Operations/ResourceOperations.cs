using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Apply;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>
/// The registry behaviour of the API server: create, update, patch, apply and delete with
/// resourceVersion preconditions, generation, status subresource, finalizer and managedFields rules.
/// Every operation runs under the store lock so it sees and commits one consistent state.
/// </summary>
internal sealed partial class ResourceOperations
{
    private readonly ObjectStore _store;
    private readonly ResourceTypeRegistry _registry;
    private readonly TimeProvider _time;

    public ResourceOperations(ObjectStore store, ResourceTypeRegistry registry, TimeProvider time)
    {
        _store = store;
        _registry = registry;
        _time = time;
    }

    public string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject Get(ResourceType type, string ns, string name) =>
        _store.Get(type.Key, ns, name) ?? throw ApiErrors.NotFound(type, name);

    public WriteResult Create(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        lock (_store.Gate)
        {
            CheckTypeMeta(type, body);
            return CreateCore(type, ns, (JsonObject)body.DeepClone(), options, ownershipRecorded: false);
        }
    }

    /// <summary>PUT on the object or its status.</summary>
    public WriteResult Replace(ResourceType type, string ns, string name, string? subresource, JsonObject body, WriteOptions options)
    {
        lock (_store.Gate)
        {
            CheckTypeMeta(type, body);
            CheckNameAndNamespace(type, ns, name, body);
            var old = _store.Get(type.Key, ns, name);
            if (old is null)
            {
                if (type.AllowCreateOnUpdate && subresource is null)
                {
                    return CreateCore(type, ns, (JsonObject)body.DeepClone(), options, ownershipRecorded: false);
                }
                throw ApiErrors.NotFound(type, name);
            }
            return UpdateCore(type, old, (JsonObject)body.DeepClone(), options, subresource, requireResourceVersion: true, ownershipRecorded: false);
        }
    }

    private WriteResult CreateCore(ResourceType type, string ns, JsonObject obj, WriteOptions options, bool ownershipRecorded)
    {
        var metadata = JsonTree.Metadata(obj);
        SetNamespace(type, ns, metadata);
        if (type.Namespaced)
        {
            EnsureNamespaceAcceptsContent(ns);
        }
        var name = metadata["name"]?.GetValue<string>() ?? "";
        if (name.Length == 0 && metadata["generateName"]?.GetValue<string>() is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix();
            metadata["name"] = name;
        }
        if (name.Length > 0 && _store.Get(type.Key, ns, name) is not null)
        {
            throw ApiErrors.AlreadyExists(type, name);
        }
        if (!string.IsNullOrEmpty(metadata["resourceVersion"]?.GetValue<string>()))
        {
            throw ApiErrors.Internal("resourceVersion should not be set on objects to be created");
        }
        foreach (var field in new[] { "uid", "selfLink", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion" })
        {
            metadata.Remove(field);
        }
        if (!ownershipRecorded)
        {
            metadata.Remove("managedFields");
        }
        TypeRules.PrepareForCreate(type, obj);
        var warnings = ObjectValidation.ValidateAndNormalize(type, obj, null, options);

        var now = Now();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1L;
        }
        if (!ownershipRecorded)
        {
            ManagedFields.RecordUpdate(type, null, obj, options.EffectiveManager, ScopeOf(type, null), null, type.GroupVersion, now);
        }
        if (options.DryRun)
        {
            return new WriteResult(obj, 201, warnings);
        }
        var stored = _store.Put(type.Key, obj);
        AfterCommit(type, stored, removed: false);
        return new WriteResult(stored, 201, warnings);
    }

    private WriteResult UpdateCore(ResourceType type, JsonObject old, JsonObject incoming, WriteOptions options,
        string? subresource, bool requireResourceVersion, bool ownershipRecorded)
    {
        var name = JsonTree.Name(old);
        var oldMetadata = (JsonObject)old["metadata"]!;
        var incomingMetadata = JsonTree.Metadata(incoming);
        var resourceVersion = incomingMetadata["resourceVersion"]?.GetValue<string>() ?? "";
        if (resourceVersion.Length == 0)
        {
            if (requireResourceVersion && !type.AllowUnconditionalUpdate)
            {
                throw ApiErrors.Invalid(type, name, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update");
            }
        }
        else if (resourceVersion != oldMetadata["resourceVersion"]?.GetValue<string>())
        {
            throw ApiErrors.StaleResourceVersion(type, name);
        }
        var uid = incomingMetadata["uid"]?.GetValue<string>() ?? "";
        if (uid.Length > 0 && uid != JsonTree.Uid(old))
        {
            throw ApiErrors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonTree.Uid(old)}");
        }

        JsonObject result;
        if (subresource == "status")
        {
            result = (JsonObject)old.DeepClone();
            if (incoming["status"] is { } status)
            {
                result["status"] = status.DeepClone();
            }
            else
            {
                result.Remove("status");
            }
        }
        else
        {
            result = incoming;
            if (type.HasStatusSubresource)
            {
                if (old["status"] is { } oldStatus)
                {
                    result["status"] = oldStatus.DeepClone();
                }
                else
                {
                    result.Remove("status");
                }
            }
            TypeRules.PrepareForUpdate(type, result, old);
        }
        var metadata = JsonTree.Metadata(result);
        var managedFields = incomingMetadata.ContainsKey("managedFields") ? incomingMetadata["managedFields"] : oldMetadata["managedFields"];
        if (subresource is null)
        {
            foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink" })
            {
                metadata.Remove(field);
                if (oldMetadata[field] is { } value)
                {
                    metadata[field] = value.DeepClone();
                }
            }
        }
        metadata["resourceVersion"] = oldMetadata["resourceVersion"]?.DeepClone();
        metadata.Remove("managedFields");
        if (managedFields is not null)
        {
            metadata["managedFields"] = managedFields.DeepClone();
        }
        result["apiVersion"] = old["apiVersion"]?.DeepClone();
        result["kind"] = old["kind"]?.DeepClone();

        if (JsonTree.IsDeleting(old))
        {
            var added = JsonTree.Finalizers(result).Except(JsonTree.Finalizers(old)).ToList();
            if (added.Count > 0)
            {
                throw ApiErrors.Invalid(type, name, "metadata.finalizers",
                    $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}");
            }
        }
        var warnings = ObjectValidation.ValidateAndNormalize(type, result, old, options);

        if (type.TracksGeneration && subresource is null && SpecChanged(type, old, result))
        {
            metadata["generation"] = (JsonTree.AsLong(oldMetadata["generation"]) ?? 0) + 1;
        }
        if (!ownershipRecorded)
        {
            ManagedFields.RecordUpdate(type, old, result, options.EffectiveManager, ScopeOf(type, subresource), subresource, type.GroupVersion, Now());
        }
        if (JsonNode.DeepEquals(WithoutOwnershipTimes(result), WithoutOwnershipTimes(old)))
        {
            return new WriteResult(old, 200, warnings);
        }
        if (options.DryRun)
        {
            return new WriteResult(result, 200, warnings);
        }
        if (JsonTree.IsDeleting(result) && !HasPendingFinalizers(type, result))
        {
            var removed = _store.Remove(type.Key, result);
            AfterCommit(type, removed, removed: true);
            return new WriteResult(removed, 200, warnings);
        }
        var stored = _store.Put(type.Key, result);
        AfterCommit(type, stored, removed: false);
        return new WriteResult(stored, 200, warnings);
    }

    private static FieldScope ScopeOf(ResourceType type, string? subresource) =>
        subresource == "status" ? FieldScope.StatusOnly
        : type.HasStatusSubresource ? FieldScope.ExceptStatus
        : FieldScope.Whole;

    private static bool SpecChanged(ResourceType type, JsonObject old, JsonObject updated)
    {
        static JsonObject Content(JsonObject obj, bool dropStatus)
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (key is "metadata" || (dropStatus && key == "status"))
                {
                    continue;
                }
                copy[key] = value?.DeepClone();
            }
            return copy;
        }
        return !JsonNode.DeepEquals(Content(old, type.HasStatusSubresource), Content(updated, type.HasStatusSubresource));
    }

    /// <summary>The object as no-op detection compares it: ownership changes count, their timestamps do not.</summary>
    private static JsonObject WithoutOwnershipTimes(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"]?["managedFields"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
            {
                entry.Remove("time");
            }
        }
        return copy;
    }

    private static bool HasPendingFinalizers(ResourceType type, JsonObject obj) =>
        JsonTree.Finalizers(obj).Count > 0
        || (type == BuiltInResourceTypes.Namespaces && obj["spec"]?["finalizers"] is JsonArray { Count: > 0 });

    private static void CheckTypeMeta(ResourceType type, JsonObject body)
    {
        var kind = body["kind"]?.GetValue<string>();
        var apiVersion = body["apiVersion"]?.GetValue<string>();
        if (string.IsNullOrEmpty(kind))
        {
            throw ApiErrors.BadRequest($"Object 'Kind' is missing in '{Truncate(body.ToJsonString())}'");
        }
        if (string.IsNullOrEmpty(apiVersion))
        {
            throw ApiErrors.BadRequest($"Object 'apiVersion' is missing in '{Truncate(body.ToJsonString())}'");
        }
        if (apiVersion != type.GroupVersion)
        {
            throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})");
        }
        if (kind != type.Kind)
        {
            throw ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }
    }

    private static void CheckNameAndNamespace(ResourceType type, string ns, string name, JsonObject body)
    {
        var bodyName = body["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        var bodyNamespace = body["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        if (type.Namespaced && bodyNamespace.Length > 0 && bodyNamespace != ns)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private static void SetNamespace(ResourceType type, string ns, JsonObject metadata)
    {
        var bodyNamespace = metadata["namespace"]?.GetValue<string>() ?? "";
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }
        if (bodyNamespace.Length > 0 && bodyNamespace != ns)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        metadata["namespace"] = ns;
    }

    private void EnsureNamespaceAcceptsContent(string ns)
    {
        var namespaceObject = _store.Get(BuiltInResourceTypes.Namespaces.Key, "", ns)
            ?? throw ApiErrors.NotFound("namespaces", "", "namespaces", ns);
        if (JsonTree.IsDeleting(namespaceObject))
        {
            throw ApiErrors.Forbidden(
                $"unable to create new content in namespace {ns} because it is being terminated",
                new StatusDetails(ns, "", "namespaces", Causes: [new StatusCause("NamespaceTerminating", $"namespace {ns} is being terminated", "metadata.namespace")]));
        }
    }

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[Random.Shared.Next(chars.Length)];
            }
        });
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "..." : text;

    /// <summary>Keeps served types in step with CRD objects: register on write, establish, forget on removal.</summary>
    private void AfterCommit(ResourceType type, JsonObject stored, bool removed)
    {
        if (type != BuiltInResourceTypes.CustomResourceDefinitions)
        {
            return;
        }
        var spec = (JsonObject)stored["spec"]!;
        var key = new StorageKey(spec["group"]!.GetValue<string>(), spec["names"]!["plural"]!.GetValue<string>());
        if (removed)
        {
            _registry.RemoveCustom(key);
            _store.ForgetType(key);
            return;
        }
        _registry.ReplaceCustom(key, CustomResourceDefinitions.ServedTypes(stored));
        var status = CustomResourceDefinitions.EstablishedStatus(stored, Now(), stored["status"] as JsonObject);
        if (!JsonNode.DeepEquals(status, stored["status"]))
        {
            var established = (JsonObject)stored.DeepClone();
            established["status"] = status;
            _store.Put(type.Key, established);
        }
    }
}
