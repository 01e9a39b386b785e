using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;
using Skyforge.Kubernetes.Watching;

namespace Skyforge.Kubernetes;

/// <summary>Unstructured (<see cref="JsonObject"/>) shorthands, paging, and typed access over any <see cref="IKubernetesClient"/>.</summary>
public static class KubernetesClientExtensions
{
    /// <summary>The page size <see cref="ListAllAsync{T}"/> uses when the options name none.</summary>
    public const int DefaultPageSize = 500;

    private static JsonTypeInfo<JsonObject> Unstructured => KubernetesJsonContext.Default.JsonObject;

    /// <summary>Typed verbs for one resource, e.g. <c>client.Resource(TypedResources.Secrets)</c>.</summary>
    public static ResourceClient<T> Resource<T>(this IKubernetesClient client, TypedResource<T> resource)
        where T : class => new(client, resource);

    /// <summary>
    /// Every matching object, page by page from one consistent snapshot. Should the snapshot expire
    /// mid-way (410 on a continue token), falls back to one unpaged list, as client-go's pager does.
    /// </summary>
    public static async Task<ResourceList<T>> ListAllAsync<T>(
        this IKubernetesClient client,
        ResourceType type,
        string? @namespace,
        ListOptions? options,
        JsonTypeInfo<T> itemTypeInfo,
        CancellationToken cancellationToken)
    {
        var firstPage = (options ?? new ListOptions()) with { Limit = options?.Limit ?? DefaultPageSize, Continue = null };
        var items = new List<T>();
        var request = firstPage;
        while (true)
        {
            ResourceList<T> page;
            try
            {
                page = await client.ListAsync(type, @namespace, request, itemTypeInfo, cancellationToken);
            }
            catch (KubernetesGoneException) when (request.Continue is not null)
            {
                return await client.ListAsync(type, @namespace, firstPage with { Limit = null }, itemTypeInfo, cancellationToken);
            }
            items.AddRange(page.Items);
            if (page.Continue is null)
            {
                return new ResourceList<T>(items, page.ResourceVersion, null, null);
            }
            // Continued pages come from the first page's snapshot; the API rejects a resourceVersion alongside a token.
            request = firstPage with { Continue = page.Continue, ResourceVersion = null, ResourceVersionMatch = null };
        }
    }

    public static Task<JsonObject> GetAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, GetOptions? options = null, CancellationToken cancellationToken = default) =>
        client.GetAsync(type, @namespace, name, Unstructured, options, cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    public static async Task<JsonObject?> TryGetAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.GetAsync(type, @namespace, name, Unstructured, null, cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    public static Task<ResourceList<JsonObject>> ListAsync(this IKubernetesClient client, ResourceType type, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        client.ListAsync(type, @namespace, options, Unstructured, cancellationToken);

    public static Task<ResourceList<JsonObject>> ListAllAsync(this IKubernetesClient client, ResourceType type, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        client.ListAllAsync(type, @namespace, options, Unstructured, cancellationToken);

    public static IAsyncEnumerable<WatchEvent<JsonObject>> WatchAsync(this IKubernetesClient client, ResourceType type, string? @namespace, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        client.WatchAsync(type, @namespace, options, Unstructured, cancellationToken);

    public static Task<JsonObject> CreateAsync(this IKubernetesClient client, ResourceType type, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        client.CreateAsync(type, obj, Unstructured, options, cancellationToken);

    public static Task<JsonObject> UpdateAsync(this IKubernetesClient client, ResourceType type, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        client.UpdateAsync(type, obj, Unstructured, options, cancellationToken);

    /// <summary>PUT on <c>/status</c>: only the status of <paramref name="obj"/> is taken.</summary>
    public static Task<JsonObject> UpdateStatusAsync(this IKubernetesClient client, ResourceType type, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        client.UpdateAsync(type, obj, Unstructured, (options ?? new WriteOptions()) with { Subresource = "status" }, cancellationToken);

    public static Task<JsonObject> PatchAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, KubernetesPatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) =>
        client.PatchAsync(type, @namespace, name, patch, Unstructured, options, cancellationToken);

    public static Task<JsonObject> PatchStatusAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, KubernetesPatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) =>
        client.PatchAsync(type, @namespace, name, patch, Unstructured, (options ?? new PatchOptions()) with { Subresource = "status" }, cancellationToken);

    public static Task<JsonObject> ApplyAsync(this IKubernetesClient client, ResourceType type, JsonObject obj, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        client.ApplyAsync(type, obj, Unstructured, options, cancellationToken);

    public static Task<JsonObject> ApplyStatusAsync(this IKubernetesClient client, ResourceType type, JsonObject obj, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        client.ApplyAsync(type, obj, Unstructured, (options ?? new ApplyOptions()) with { Subresource = "status" }, cancellationToken);

    public static Task<JsonObject?> DeleteAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        client.DeleteAsync(type, @namespace, name, Unstructured, options, cancellationToken);

    /// <summary>Deletes the object if it exists; true when a delete was issued, false when it was already gone.</summary>
    public static async Task<bool> DeleteIfExistsAsync(this IKubernetesClient client, ResourceType type, string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.DeleteAsync(type, @namespace, name, Unstructured, options, cancellationToken);
            return true;
        }
        catch (KubernetesNotFoundException)
        {
            return false;
        }
    }
}
