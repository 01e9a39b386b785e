using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.InCluster;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>
/// Routes a ManagedCache to its provider: inCluster to the StatefulSet provider; on AWS, mode serverless to the
/// serverless cache provider and every other mode to the replication group provider.
/// </summary>
public sealed class ManagedCacheProviders(ManagedCacheReplicationGroupClient replicationGroups, ManagedCacheServerlessClient serverless, ManagedCacheInClusterClient inCluster) : IExternalClient<ManagedCache>
{
    public Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        For(context).ObserveAsync(context, cancellationToken);

    public Task CreateAsync(ManagedResourceContext<ManagedCache> context, CancellationToken cancellationToken) =>
        For(context).CreateAsync(context, cancellationToken);

    public Task UpdateAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).UpdateAsync(context, observed, cancellationToken);

    public Task<bool> DeleteAsync(ManagedResourceContext<ManagedCache> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).DeleteAsync(context, observed, cancellationToken);

    private IExternalClient<ManagedCache> For(ManagedResourceContext<ManagedCache> context) =>
        EffectiveCache.Provider(context.Resource.Spec, context.Build) == Provider.InCluster ? inCluster
        : EffectiveCache.Mode(context.Resource.Spec) == CacheMode.Serverless ? serverless
        : replicationGroups;
}
