using Skyforge.Kubernetes.Errors;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Watching;

namespace Skyforge.Kubernetes.Typed;

/// <summary>The verbs of one resource, reading and writing its model type.</summary>
public sealed class ResourceClient<T>
    where T : class
{
    private readonly IKubernetesClient _client;
    private readonly TypedResource<T> _resource;

    public ResourceClient(IKubernetesClient client, TypedResource<T> resource)
    {
        _client = client;
        _resource = resource;
    }

    public ResourceType Type => _resource.Type;

    public Task<T> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        _client.GetAsync(_resource.Type, @namespace, name, _resource.TypeInfo, null, cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> TryGetAsync(string? @namespace, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(@namespace, name, cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    public Task<ResourceList<T>> ListAsync(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.ListAsync(_resource.Type, @namespace, options, _resource.TypeInfo, cancellationToken);

    /// <summary>Every matching object, fetched page by page.</summary>
    public Task<ResourceList<T>> ListAllAsync(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.ListAllAsync(_resource.Type, @namespace, options, _resource.TypeInfo, cancellationToken);

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? @namespace, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.WatchAsync(_resource.Type, @namespace, options, _resource.TypeInfo, cancellationToken);

    public Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.CreateAsync(_resource.Type, obj, _resource.TypeInfo, options, cancellationToken);

    public Task<T> UpdateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.UpdateAsync(_resource.Type, obj, _resource.TypeInfo, options, cancellationToken);

    /// <summary>PUT on <c>/status</c>: only the status of <paramref name="obj"/> is taken.</summary>
    public Task<T> UpdateStatusAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.UpdateAsync(_resource.Type, obj, _resource.TypeInfo, (options ?? new WriteOptions()) with { Subresource = "status" }, cancellationToken);

    public Task<T> PatchAsync(string? @namespace, string name, KubernetesPatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.PatchAsync(_resource.Type, @namespace, name, patch, _resource.TypeInfo, options, cancellationToken);

    public Task<T> PatchStatusAsync(string? @namespace, string name, KubernetesPatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.PatchAsync(_resource.Type, @namespace, name, patch, _resource.TypeInfo, (options ?? new PatchOptions()) with { Subresource = "status" }, cancellationToken);

    public Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.ApplyAsync(_resource.Type, obj, _resource.TypeInfo, options, cancellationToken);

    public Task<T> ApplyStatusAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.ApplyAsync(_resource.Type, obj, _resource.TypeInfo, (options ?? new ApplyOptions()) with { Subresource = "status" }, cancellationToken);

    /// <summary>Deletes the object; returns it while finalizers keep it, null once the server answered with a Status.</summary>
    public Task<T?> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.DeleteAsync(_resource.Type, @namespace, name, _resource.TypeInfo, options, cancellationToken);
}
