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
        var statefulSet = await client.Resource(TypedResources.StatefulSets).TryGetAsync(context.Identity.Namespace, InClusterNames.StatefulSet(name), cancellationToken);
        if (statefulSet is null)
        {
            return ExternalObservation.Absent;
        }
        var controller = statefulSet.Metadata.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true);
        if (controller?.Uid != context.Identity.Uid)
        {
            return new ExternalObservation { Exists = true, Owner = TaggedOwner.AnotherOwner };
        }
        if (context.Resource.Metadata.DeletionTimestamp is not null)
        {
            return new ExternalObservation { Exists = true };
        }
        var objects = await DesiredAsync(context, cancellationToken);
        var wanted = statefulSet.Spec?.Replicas ?? 1;
        var readyReplicas = statefulSet.Status?.ReadyReplicas ?? 0;
        var ready = readyReplicas >= wanted;
        var spec = context.Resource.Spec;
        return new ExternalObservation
        {
            Exists = true,
            State = ready ? "ready" : $"{readyReplicas}/{wanted} replicas ready",
            Transitioning = !ready,
            // The topics and queues Jobs need running brokers; everything else is re-applied on every look, which also undoes drift.
            Publish = ready ? objects : [.. objects.Where(obj => !IsJob(obj))],
            StatusFields = new JsonObject
            {
                ["endpoint"] = $"{InClusterNames.ClientService(name)}.{context.Identity.Namespace}.svc",
                ["externalName"] = statefulSet.Metadata.Name,
                ["engineVersion"] = EffectiveBus.Version(spec),
                ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, name),
            },
        };
    }

    public async Task CreateAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        foreach (var obj in (await DesiredAsync(context, cancellationToken)).Where(obj => !IsJob(obj)))
        {
            var applied = PublishedObjects.ForApply(obj);
            await client.ApplyAsync(PublishedObjects.TypeOf(applied), applied, new ApplyOptions { FieldManager = ManagedResourceReconciler<MessageBus>.FieldManager, Force = true }, cancellationToken);
        }
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

    private static bool IsJob(JsonObject obj) => obj["kind"]?.GetValue<string>() == "Job";

    /// <summary>Gives the builder the password the broker was initialised with.</summary>
    private sealed class StoredPassword(string password) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => password;
    }
}
