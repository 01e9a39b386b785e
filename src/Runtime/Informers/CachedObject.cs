using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Runtime.Informers;

/// <summary>
/// An object as the informer cache holds it: the immutable JSON the server sent plus its parsed
/// metadata. Safe to share between threads; callers get their own copy to read or modify.
/// </summary>
public sealed class CachedObject
{
    private CachedObject(JsonElement raw, ObjectMeta metadata, ObjectKey key)
    {
        Raw = raw;
        Metadata = metadata;
        Key = key;
    }

    public ObjectKey Key { get; }

    public ObjectMeta Metadata { get; }

    /// <summary>The object as received, less its managedFields; a <see cref="JsonElement"/> never changes.</summary>
    public JsonElement Raw { get; }

    public string? Uid => Metadata.Uid;

    public string? ResourceVersion => Metadata.ResourceVersion;

    public long? Generation => Metadata.Generation;

    public bool IsBeingDeleted => Metadata.DeletionTimestamp is not null;

    public IReadOnlyDictionary<string, string>? Labels => Metadata.Labels;

    /// <summary>The owner reference with <c>controller: true</c>, if any.</summary>
    public OwnerReference? ControllerReference => Metadata.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true);

    /// <summary>The object to cache, without its <c>metadata.managedFields</c> (see <see cref="ManagedFieldsStripper"/>).</summary>
    /// <exception cref="JsonException">The object has no <c>metadata.name</c>.</exception>
    public static CachedObject From(JsonElement raw)
    {
        if (raw.ValueKind == JsonValueKind.Object && ManagedFieldsStripper.HasManagedFields(raw))
        {
            raw = ManagedFieldsStripper.Strip(raw);
        }
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("metadata", out var metadataElement))
        {
            throw new JsonException("an API object needs metadata");
        }
        var metadata = metadataElement.Deserialize(KubernetesJsonContext.Default.ObjectMeta)
            ?? throw new JsonException("an API object needs metadata");
        if (string.IsNullOrEmpty(metadata.Name))
        {
            throw new JsonException("an API object needs metadata.name");
        }
        var @namespace = string.IsNullOrEmpty(metadata.Namespace) ? null : metadata.Namespace;
        return new CachedObject(raw, metadata, new ObjectKey(@namespace, metadata.Name));
    }

    /// <summary>A mutable copy for unstructured access; changing it does not change the cache.</summary>
    public JsonObject ToJsonObject() => JsonObject.Create(Raw) ?? new JsonObject();

    /// <summary>The object as a model (a fresh instance per call).</summary>
    public T Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
        Raw.Deserialize(typeInfo) ?? throw new JsonException($"the cached object {Key} did not deserialize");

    public bool HasFinalizer(string finalizer) => Metadata.Finalizers?.Contains(finalizer) == true;

    public override string ToString() => Key.ToString();
}
