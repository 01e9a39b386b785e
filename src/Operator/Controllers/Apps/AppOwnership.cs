using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Models;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// Finds the objects an AppPlatform would apply that already exist and are not its own: a second AppPlatform in
/// the namespace declaring the same service or data-service name, or an object made by hand. Applying them anyway
/// would take them over (server-side apply with force), and two applications doing so would flip the objects
/// between them forever; so the reconcile applies nothing and reports the conflict instead.
/// </summary>
internal sealed class AppOwnership(SharedInformerFactory informers, IKubernetesClient client)
{
    /// <summary>One line per conflicting object, naming its kind, name and controller; empty when there is none.</summary>
    /// <remarks>
    /// Objects this AppPlatform already controls need no check. The data-service kinds are cached whole, and
    /// Skyforge-labelled objects of the built-in kinds are cached too; only a built-in object about to be created that
    /// the cache does not hold costs a read, so that an unlabelled one of the same name is found as well.
    /// </remarks>
    public async Task<IReadOnlyList<string>> ConflictsAsync(
        CachedObject app, IReadOnlyList<JsonObject> desired, IReadOnlyDictionary<(ResourceType, string), JsonObject> owned, CancellationToken cancellationToken)
    {
        var conflicts = new List<string>();
        foreach (var obj in desired)
        {
            var type = AppResourceTypes.Of(obj);
            var name = obj["metadata"]!["name"]!.GetValue<string>();
            if (owned.ContainsKey((type, name)) || AppResourceTypes.Optional.Contains(type))
            {
                continue;
            }
            var selector = AppPlatformReconciler.OwnedSelector(type);
            var (exists, controller) = informers.Get(type, selector).Store.Get(app.Key.Namespace, name) is { } cached
                ? (true, cached.ControllerReference)
                : selector is null ? (false, null) : await LiveControllerAsync(type, app.Key.Namespace, name, cancellationToken);
            if (exists && controller?.Uid != app.Uid)
            {
                conflicts.Add(controller is null
                    ? $"{type.Kind} {name} already exists without an owner"
                    : $"{type.Kind} {name} is controlled by {controller.Kind} {controller.Name}");
            }
        }
        return conflicts;
    }

    /// <summary>Whether the object exists (a read, for what the label-filtered cache cannot show) and its controller.</summary>
    private async Task<(bool Exists, OwnerReference? Controller)> LiveControllerAsync(ResourceType type, string? @namespace, string name, CancellationToken cancellationToken) =>
        await client.TryGetAsync(type, @namespace, name, cancellationToken) is { } live ? (true, ControllerOwner.Of(live)) : (false, null);
}
