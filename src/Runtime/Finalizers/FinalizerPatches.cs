using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Runtime.Informers;

namespace Skyforge.Runtime.Finalizers;

/// <summary>
/// Adds and removes finalizers with a merge patch that carries the resourceVersion it was computed
/// from: if the object changed meanwhile the API answers 409 and the reconcile retries from fresh
/// state, so concurrent finalizer edits by others are never overwritten.
/// </summary>
public static class FinalizerPatches
{
    /// <summary>Adds <paramref name="finalizer"/> unless present; returns the updated object, or null when nothing was written.</summary>
    public static async Task<JsonObject?> EnsureAsync(IKubernetesClient client, ResourceType type, CachedObject obj, string finalizer, CancellationToken cancellationToken)
    {
        var current = obj.Metadata.Finalizers ?? [];
        if (current.Contains(finalizer))
        {
            return null;
        }
        return await PatchAsync(client, type, obj, [.. current, finalizer], cancellationToken);
    }

    /// <summary>Removes <paramref name="finalizer"/> if present; returns the updated object, or null when nothing was written.</summary>
    public static async Task<JsonObject?> RemoveAsync(IKubernetesClient client, ResourceType type, CachedObject obj, string finalizer, CancellationToken cancellationToken)
    {
        var current = obj.Metadata.Finalizers ?? [];
        if (!current.Contains(finalizer))
        {
            return null;
        }
        return await PatchAsync(client, type, obj, [.. current.Where(existing => existing != finalizer)], cancellationToken);
    }

    private static Task<JsonObject> PatchAsync(IKubernetesClient client, ResourceType type, CachedObject obj, IReadOnlyList<string> finalizers, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = obj.ResourceVersion,
                ["finalizers"] = new JsonArray([.. finalizers.Select(name => (JsonNode?)JsonValue.Create(name))]),
            },
        };
        return client.PatchAsync(type, obj.Key.Namespace, obj.Key.Name, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
    }
}
