using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Models;
using Skyforge.Kubernetes.Requests;
using Skyforge.Kubernetes.Typed;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.InCluster;

/// <summary>
/// ManagedDatabase as an in-cluster PostgreSQL or MySQL StatefulSet: the builder's credentials Secret,
/// Services, StatefulSet, connection Secret and databases Job, applied with server-side apply and owned by
/// the resource (so deleting it collects them; the volume follows deletionPolicy through the StatefulSet's
/// claim retention policy). Passwords are generated once and live only in the credentials and connection
/// Secrets. Ready once the StatefulSet reports its replicas ready; the databases Job is applied only then.
/// </summary>
public sealed class ManagedDatabaseInClusterClient(IKubernetesClient client) : IExternalClient<ManagedDatabase>
{
    private const string PasswordKey = "password";
    private const string RootPasswordKey = "root-password";

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        var (statefulSet, settled) = await OwnedStatefulSet.FindAsync(client, context.Identity, context.Resource.Metadata.DeletionTimestamp is not null, cancellationToken);
        if (settled is not null)
        {
            return settled;
        }
        var credentials = await CredentialsAsync(context, cancellationToken);
        var desired = Desired(context, credentials);
        var (ready, state) = OwnedStatefulSet.Readiness(statefulSet!);
        var spec = context.Resource.Spec;
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            Transitioning = !ready,
            // The databases Job needs a running server; everything else is re-applied on every look, which also undoes drift.
            Publish = ready ? desired.Objects : [.. desired.Objects.Where(obj => !OwnedStatefulSet.IsJob(obj))],
            StatusFields = new JsonObject
            {
                ["endpoint"] = new JsonObject
                {
                    ["host"] = $"{InClusterNames.ClientService(name)}.{context.Identity.Namespace}.svc",
                    ["port"] = EffectiveDatabase.Port(spec),
                },
                ["externalName"] = statefulSet!.Metadata.Name,
                ["engineVersion"] = EffectiveDatabase.Version(spec),
                ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, name),
            },
        };
    }

    public async Task CreateAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var desired = Desired(context, await CredentialsAsync(context, cancellationToken));
        await OwnedStatefulSet.ApplyAsync(client, ManagedResourceReconciler<ManagedDatabase>.FieldManager, desired.Objects.Where(obj => !OwnedStatefulSet.IsJob(obj)), cancellationToken);
    }

    /// <summary>Nothing to do: observe re-applies the whole desired state.</summary>
    public Task UpdateAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The objects are owned by the resource and collected with it; the volume follows the StatefulSet's claim retention policy.</summary>
    public Task<bool> DeleteAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken) => Task.FromResult(true);

    private DesiredState Desired(ManagedResourceContext<ManagedDatabase> context, StoredCredentials credentials) =>
        ManagedDatabaseBuilder.Build(context.Resource, context.Build, credentials, ConnectionEndpoints.None, monitoringRoleArn: null);

    /// <summary>The passwords in the credentials Secret, or new ones from the CSPRNG when it does not exist yet.</summary>
    private async Task<StoredCredentials> CredentialsAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var stored = await client.Resource(TypedResources.Secrets).TryGetAsync(context.Identity.Namespace, InClusterNames.CredentialsSecret(context.Identity.Name), cancellationToken);
        var generated = new RandomSecretSource();
        string Value(string key, string purpose) =>
            stored?.Data?.TryGetValue(key, out var bytes) == true
                ? Encoding.UTF8.GetString(bytes)
                : generated.Get(context.Identity, purpose, SecretPurposes.GeneratedLength, asciiSymbols: false);
        return new StoredCredentials(Value(PasswordKey, SecretPurposes.MasterPassword), Value(RootPasswordKey, SecretPurposes.RootPassword));
    }

    /// <summary>Gives the builder the passwords the engine was initialised with.</summary>
    private sealed class StoredCredentials(string masterPassword, string rootPassword) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) =>
            purpose == SecretPurposes.RootPassword ? rootPassword : masterPassword;
    }
}
