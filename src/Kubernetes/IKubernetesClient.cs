using System.Text.Json.Serialization.Metadata;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Watching;

namespace Skyforge.Kubernetes;

/// <summary>
/// The Kubernetes REST verbs over any resource. The type parameter <c>T</c> of each verb is how bodies are read and
/// written: <c>JsonObject</c>/<c>JsonElement</c> for unstructured access, a model for typed access.
/// Objects sent carry their own namespace and name in <c>metadata</c>. Failures surface as
/// <see cref="Errors.KubernetesApiException"/> subclasses.
/// </summary>
public interface IKubernetesClient
{
    /// <summary>The default namespace of the configuration (the context's, or the pod's own).</summary>
    string? DefaultNamespace { get; }

    Task<T> GetAsync<T>(ResourceType type, string? @namespace, string name, JsonTypeInfo<T> typeInfo, GetOptions? options, CancellationToken cancellationToken);

    /// <summary>One page (or the whole list when no limit is set). Across all namespaces when <paramref name="namespace"/> is null.</summary>
    Task<ResourceList<T>> ListAsync<T>(ResourceType type, string? @namespace, ListOptions? options, JsonTypeInfo<T> itemTypeInfo, CancellationToken cancellationToken);

    /// <summary>
    /// One watch connection. The sequence ends when the server closes the stream (e.g. after
    /// timeoutSeconds); an ERROR event throws (410 as <see cref="Errors.KubernetesGoneException"/>).
    /// Reconnecting and relisting are the caller's job (the runtime's informers do both).
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(ResourceType type, string? @namespace, WatchOptions? options, JsonTypeInfo<T> itemTypeInfo, CancellationToken cancellationToken);

    Task<T> CreateAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options, CancellationToken cancellationToken);

    /// <summary>PUT: fails with a conflict when <c>metadata.resourceVersion</c> is stale. With <see cref="WriteOptions.Subresource"/> = <c>status</c>, writes only status.</summary>
    Task<T> UpdateAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options, CancellationToken cancellationToken);

    Task<T> PatchAsync<T>(ResourceType type, string? @namespace, string name, KubernetesPatch patch, JsonTypeInfo<T> resultTypeInfo, PatchOptions? options, CancellationToken cancellationToken);

    /// <summary>Server-side apply: creates the object if absent; fields are owned by the field manager.</summary>
    Task<T> ApplyAsync<T>(ResourceType type, T obj, JsonTypeInfo<T> typeInfo, ApplyOptions? options, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an object. Returns the object when the server answers with it (still present with a
    /// deletionTimestamp while finalizers hold it, or its final state for kinds that echo it), null when
    /// it answers with a Status.
    /// </summary>
    Task<T?> DeleteAsync<T>(ResourceType type, string? @namespace, string name, JsonTypeInfo<T> typeInfo, DeleteOptions? options, CancellationToken cancellationToken)
        where T : class;

    /// <summary>The discovery document of a group/version; null when the server does not serve it.</summary>
    Task<ApiResourceList?> GetApiResourcesAsync(string group, string version, CancellationToken cancellationToken);
}
