using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers.InCluster;

/// <summary>
/// What every in-cluster engine shares: its StatefulSet is found by name and must be controlled by the
/// resource, readiness is the StatefulSet's ready replicas, and its objects are applied with server-side apply.
/// </summary>
internal static class OwnedStatefulSet
{
    /// <summary>
    /// The resource's StatefulSet, or the observation to return at once: absent, owned by someone else, or
    /// present while the resource is being deleted (its objects go with it through garbage collection).
    /// </summary>
    public static async Task<(StatefulSet? StatefulSet, ExternalObservation? Settled)> FindAsync(
        IKubernetesClient client, ResourceIdentity identity, bool deleting, CancellationToken cancellationToken)
    {
        var statefulSet = await client.Resource(TypedResources.StatefulSets).TryGetAsync(identity.Namespace, InClusterNames.StatefulSet(identity.Name), cancellationToken);
        if (statefulSet is null)
        {
            return (null, ExternalObservation.Absent);
        }
        var controller = statefulSet.Metadata.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true);
        if (controller?.Uid != identity.Uid)
        {
            return (null, new ExternalObservation { Exists = true, Owner = TaggedOwner.AnotherOwner });
        }
        return deleting ? (null, new ExternalObservation { Exists = true }) : (statefulSet, null);
    }

    /// <summary>Whether every wanted replica is ready, and the state text for the Ready condition.</summary>
    public static (bool Ready, string State) Readiness(StatefulSet statefulSet)
    {
        var wanted = statefulSet.Spec?.Replicas ?? 1;
        var readyReplicas = statefulSet.Status?.ReadyReplicas ?? 0;
        return readyReplicas >= wanted ? (true, "ready") : (false, $"{readyReplicas}/{wanted} replicas ready");
    }

    public static async Task ApplyAsync(IKubernetesClient client, string fieldManager, IEnumerable<JsonObject> objects, CancellationToken cancellationToken)
    {
        foreach (var obj in objects)
        {
            var applied = PublishedObjects.ForApply(obj);
            await client.ApplyAsync(PublishedObjects.TypeOf(applied), applied, new ApplyOptions { FieldManager = fieldManager, Force = true }, cancellationToken);
        }
    }

    public static bool IsJob(JsonObject obj) => obj["kind"]?.GetValue<string>() == "Job";
}
