using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.Rds;
using Skyforge.Operator.Providers.InCluster;

namespace Skyforge.Operator.Providers;

/// <summary>
/// Routes a ManagedDatabase to its provider: inCluster to the StatefulSet provider; on AWS, Aurora engines to
/// the cluster provider and postgres and mysql to the instance provider.
/// </summary>
public sealed class ManagedDatabaseProviders(ManagedDatabaseRdsClient instances, ManagedDatabaseAuroraClient clusters, ManagedDatabaseInClusterClient inCluster) : IExternalClient<ManagedDatabase>
{
    public Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken) =>
        For(context).ObserveAsync(context, cancellationToken);

    public Task CreateAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken) =>
        For(context).CreateAsync(context, cancellationToken);

    public Task UpdateAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).UpdateAsync(context, observed, cancellationToken);

    public Task<bool> DeleteAsync(ManagedResourceContext<ManagedDatabase> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).DeleteAsync(context, observed, cancellationToken);

    private IExternalClient<ManagedDatabase> For(ManagedResourceContext<ManagedDatabase> context) =>
        EffectiveDatabase.Provider(context.Resource.Spec, context.Build) == Provider.InCluster ? inCluster
        : EffectiveDatabase.IsAurora(context.Resource.Spec) ? clusters
        : instances;
}
