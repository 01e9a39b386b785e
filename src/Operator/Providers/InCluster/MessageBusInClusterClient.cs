using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Typed;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.InCluster;

/// <summary>
/// A MessageBus as an in-cluster StatefulSet: kafka in KRaft mode or rabbitmq with the management plugin. The
/// builder's objects are applied with server-side apply and owned by the resource (deleting it collects them;
/// the volumes follow deletionPolicy through the StatefulSet's claim retention policy). The rabbitmq password
/// is generated once and lives only in the credentials and connection Secrets. Ready once the StatefulSet
/// reports its replicas ready; the topics or queues Job is applied only then, since it needs running brokers.
/// </summary>
public sealed class MessageBusInClusterClient(IKubernetesClient client) : IExternalClient<MessageBus>
{
    private const string PasswordKey = "password";

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        var (statefulSet, settled) = await OwnedStatefulSet.FindAsync(client, context.Identity, context.Resource.Metadata.DeletionTimestamp is not null, cancellationToken);
        if (settled is not null)
        {
            return settled;
        }
        var objects = await DesiredAsync(context, cancellationToken);
        var (ready, state) = OwnedStatefulSet.Readiness(statefulSet!);
        var spec = context.Resource.Spec;
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            Transitioning = !ready,
            // The topics and queues Jobs need running brokers; everything else is re-applied on every look, which also undoes drift.
            Publish = ready ? objects : [.. objects.Where(obj => !OwnedStatefulSet.IsJob(obj))],
            StatusFields = new JsonObject
            {
                ["endpoint"] = $"{InClusterNames.ClientService(name)}.{context.Identity.Namespace}.svc",
                ["externalName"] = statefulSet!.Metadata.Name,
                ["engineVersion"] = EffectiveBus.Version(spec),
                ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, name),
            },
        };
    }

    public async Task CreateAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        var objects = await DesiredAsync(context, cancellationToken);
        await OwnedStatefulSet.ApplyAsync(client, ManagedResourceReconciler<MessageBus>.FieldManager, objects.Where(obj => !OwnedStatefulSet.IsJob(obj)), cancellationToken);
    }

    /// <summary>Nothing to do: observe re-applies the whole desired state.</summary>
    public Task UpdateAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The objects are owned by the resource and collected with it; the volumes follow the StatefulSet's claim retention policy.</summary>
    public Task<bool> DeleteAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.FromResult(true);

    private async Task<IReadOnlyList<JsonObject>> DesiredAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken) =>
        MessageBusBuilder.Build(context.Resource, context.Build, await PasswordAsync(context, cancellationToken)).Objects;

    /// <summary>The rabbitmq password in the credentials Secret, or a new one from the CSPRNG when it does not exist yet (kafka asks for none).</summary>
    private async Task<ISecretSource> PasswordAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        if (context.Resource.Spec.Engine != BusEngine.RabbitMq)
        {
            return new RandomSecretSource();
        }
        var stored = await client.Resource(TypedResources.Secrets).TryGetAsync(context.Identity.Namespace, InClusterNames.CredentialsSecret(context.Identity.Name), cancellationToken);
        return stored?.Data?.TryGetValue(PasswordKey, out var bytes) == true
            ? new StoredPassword(Encoding.UTF8.GetString(bytes))
            : new RandomSecretSource();
    }


    /// <summary>Gives the builder the password the broker was initialised with.</summary>
    private sealed class StoredPassword(string password) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => password;
    }
}
