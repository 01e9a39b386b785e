using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.InCluster;

namespace Skyforge.Operator.Providers.Msk;

/// <summary>Routes a MessageBus to its provider: inCluster (kafka or rabbitmq) to the StatefulSet provider, kafka on AWS to MSK.</summary>
public sealed class MessageBusProviders(MessageBusMskClient msk, MessageBusInClusterClient inCluster) : IExternalClient<MessageBus>
{
    public Task<ExternalObservation> ObserveAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken) =>
        For(context).ObserveAsync(context, cancellationToken);

    public Task CreateAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken) =>
        For(context).CreateAsync(context, cancellationToken);

    public Task UpdateAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).UpdateAsync(context, observed, cancellationToken);

    public Task<bool> DeleteAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken) =>
        For(context).DeleteAsync(context, observed, cancellationToken);

    private IExternalClient<MessageBus> For(ManagedResourceContext<MessageBus> context) =>
        EffectiveBus.Provider(context.Resource.Spec, context.Build) == Provider.InCluster ? inCluster : msk;
}
