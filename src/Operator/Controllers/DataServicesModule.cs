using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skyforge.Aws.Credentials;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Hosting;
using Skyforge.Operator.Providers;
using Skyforge.Operator.Providers.ElastiCache;
using Skyforge.Operator.Providers.InCluster;
using Skyforge.Operator.Providers.Msk;
using Skyforge.Operator.Providers.Rds;
using Skyforge.Operator.Providers.SecretsManager;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// The data-service controllers (ManagedSecret; ManagedDatabase on RDS, Aurora and in-cluster; ManagedCache replication groups, serverless caches and in-cluster Redis; MessageBus on MSK and in-cluster Kafka/RabbitMQ) and their providers. Needs the Kubernetes
/// client, the runtime and the AWS clients registered by the host; settings come from
/// <see cref="DataServicesOptions"/>, which start from the host's <see cref="OperatorOptions"/>.
/// </summary>
public sealed class DataServicesModule : IOperatorModule
{
    public void Register(IServiceCollection services)
    {
        // The run host's operator-wide settings, when it registered them, are the starting point; explicit configuration wins.
        services.AddOptions<DataServicesOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<OperatorOptions>() is { } host)
            {
                options.ClusterName = host.ClusterName;
                options.DefaultRegion = host.DefaultRegion;
                options.DefaultProvider = host.DefaultProvider;
                options.DriftInterval = host.DriftInterval;
                options.Workers = host.MaxConcurrentReconciles;
            }
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<DataServicesOptions>>().Value);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<DataServicesOptions>();
            var region = options.DefaultRegion ?? provider.GetRequiredService<AwsRegionResolver>().Region;
            return new BuildContext(options.ClusterName, region, options.DefaultProvider);
        });
        services.TryAddSingleton<ManagedSecretKind>();
        services.TryAddSingleton<ManagedDatabaseKind>();
        services.TryAddSingleton<RdsInstanceCache>();
        services.TryAddSingleton<RdsClusterCache>();
        services.TryAddSingleton<DatabaseSetup>();
        services.TryAddSingleton<ManagedDatabaseRdsClient>();
        services.TryAddSingleton<ManagedDatabaseAuroraClient>();
        services.TryAddSingleton<ManagedDatabaseInClusterClient>();
        services.TryAddSingleton<ManagedDatabaseProviders>();
        services.TryAddSingleton<ManagedSecretAwsClient>();
        services.TryAddSingleton<MessageBusKind>();
        services.TryAddSingleton<MskClusterCache>();
        services.TryAddSingleton<MessageBusMskClient>();
        services.TryAddSingleton<MessageBusInClusterClient>();
        services.TryAddSingleton<MessageBusProviders>();
        services.TryAddSingleton<ManagedCacheKind>();
        services.TryAddSingleton<ReplicationGroupCache>();
        services.TryAddSingleton<ServerlessCacheCache>();
        services.TryAddSingleton<CacheSetup>();
        services.TryAddSingleton<ManagedCacheReplicationGroupClient>();
        services.TryAddSingleton<ManagedCacheServerlessClient>();
        services.TryAddSingleton<ManagedCacheInClusterClient>();
        services.TryAddSingleton<ManagedCacheProviders>();
        services.AddSingleton(provider => Controller(provider, "managedsecret", provider.GetRequiredService<ManagedSecretKind>(), provider.GetRequiredService<ManagedSecretAwsClient>()));
        services.AddSingleton(provider => Controller(provider, "manageddatabase", provider.GetRequiredService<ManagedDatabaseKind>(), provider.GetRequiredService<ManagedDatabaseProviders>()));
        services.AddSingleton(provider => Controller(provider, "messagebus", provider.GetRequiredService<MessageBusKind>(), provider.GetRequiredService<MessageBusProviders>()));
        services.AddSingleton(provider => Controller(provider, "managedcache", provider.GetRequiredService<ManagedCacheKind>(), provider.GetRequiredService<ManagedCacheProviders>()));
    }

    private static ControllerDefinition Controller<TResource>(IServiceProvider provider, string name, ManagedKind<TResource> kind, IExternalClient<TResource> external)
        where TResource : class
    {
        var options = provider.GetRequiredService<DataServicesOptions>();
        var reconciler = new ManagedResourceReconciler<TResource>(
            kind,
            external,
            provider.GetRequiredService<SharedInformerFactory>(),
            provider.GetRequiredService<IKubernetesClient>(),
            provider.GetRequiredService<IEventRecorder>(),
            provider.GetRequiredService<BuildContext>(),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger($"Skyforge.Operator.Controllers.{kind.Type.Kind}"));
        return new ControllerBuilder(name, kind.Type)
            .WithWorkers(options.Workers)
            .WithPrimaryFilter(PrimaryFilters.GenerationOrMetadataChanged)
            .Build(reconciler);
    }
}
