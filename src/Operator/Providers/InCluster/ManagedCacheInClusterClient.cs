using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.InCluster;

/// <summary>
/// ManagedCache as an in-cluster Redis or Valkey StatefulSet (a primary and its replicas): the builder's
/// credentials Secret, ConfigMap, Services, StatefulSet and connection Secret, applied with server-side apply
/// and owned by the resource, so deleting it collects them. The AUTH password is generated once and lives only
/// in the credentials and connection Secrets. Ready once the StatefulSet reports its replicas ready.
/// </summary>
public sealed class ManagedCacheInClusterClient(IKubernetesClient client) : IExternalClient<ManagedCache>
{
    private const string PasswordKey = "password";

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        var (statefulSet, settled) = await OwnedStatefulSet.FindAsync(client, context.Identity, context.Resource.Metadata.DeletionTimestamp is not null, cancellationToken);
        if (settled is not null)
        {
            return settled;
        }
        var desired = await DesiredAsync(context, cancellationToken);
        var (ready, state) = OwnedStatefulSet.Readiness(statefulSet!);
        var spec = context.Resource.Spec;
        var status = new JsonObject
        {
            ["endpoint"] = new JsonObject { ["host"] = $"{InClusterNames.ClientService(name)}.{context.Identity.Namespace}.svc", ["port"] = EffectiveCache.Port },
            ["externalName"] = statefulSet!.Metadata.Name,
            ["engineVersion"] = EffectiveCache.Version(spec),
            ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, name),
        };
        if (EffectiveCache.ReplicasPerShard(spec) > 0)
        {
            status["readerEndpoint"] = new JsonObject { ["host"] = $"{InClusterNames.ReaderService(name)}.{context.Identity.Namespace}.svc", ["port"] = EffectiveCache.Port };
        }
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            Transitioning = !ready,
            // Re-applied on every look: a replica count or eviction policy change reaches the StatefulSet, and drift is undone.
            Publish = desired.Objects,
            StatusFields = status,
        };
    }

    public async Task CreateAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var desired = await DesiredAsync(context, cancellationToken);
        await OwnedStatefulSet.ApplyAsync(client, ManagedResourceReconciler<ManagedCache>.FieldManager, desired.Objects, cancellationToken);
    }

    /// <summary>Nothing to do: observe re-applies the whole desired state.</summary>
    public Task UpdateAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The objects are owned by the resource and collected with it.</summary>
    public Task<bool> DeleteAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>The builder's objects with the password in the credentials Secret, or a new one from the CSPRNG when it does not exist yet.</summary>
    private async Task<DesiredState> DesiredAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken)
    {
        var stored = await client.Resource(TypedResources.Secrets).TryGetAsync(context.Identity.Namespace, InClusterNames.CredentialsSecret(context.Identity.Name), cancellationToken);
        ISecretSource source = stored?.Data?.TryGetValue(PasswordKey, out var bytes) == true ? new StoredPassword(Encoding.UTF8.GetString(bytes)) : new RandomSecretSource();
        return ManagedCacheBuilder.Build(context.Resource, context.Build, source);
    }

    /// <summary>Gives the builder the password the engine was started with.</summary>
    private sealed class StoredPassword(string password) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => password;
    }
}
