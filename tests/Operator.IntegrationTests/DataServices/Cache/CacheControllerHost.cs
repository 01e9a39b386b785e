using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.Providers.ElastiCache;
using Skyforge.Operator.Providers.InCluster;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.DependencyInjection;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;

namespace Skyforge.Operator.IntegrationTests.DataServices.Cache;

/// <summary>
/// The ManagedCache controller against a <see cref="DataServicesOperator"/>'s API server and moto (through the
/// fault proxy), composed as the data-service module composes its controllers, with its logs going to the
/// scenario's captured logs. Stands in until <see cref="DataServicesModule"/> registers the cache controller.
/// </summary>
internal sealed class CacheControllerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _kubeconfig;

    private CacheControllerHost(ServiceProvider services, string kubeconfig)
    {
        _services = services;
        _kubeconfig = kubeconfig;
    }

    public static Task<CacheControllerHost> StartAsync(DataServicesOperator scenario, MotoFixture moto) =>
        StartAsync(scenario, moto, TimeSpan.FromMinutes(10));

    public static async Task<CacheControllerHost> StartAsync(DataServicesOperator scenario, MotoFixture moto, TimeSpan driftInterval)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"skyforge-cache-{Guid.NewGuid():N}.kubeconfig");
        scenario.Server.WriteKubeconfig(kubeconfig);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(scenario.Logs)));
        services.AddSkyforgeKubernetes(kubernetes =>
        {
            kubernetes.KubeConfigPath = kubeconfig;
            kubernetes.FieldManager = ManagedResourceReconciler<object>.FieldManager;
        });
        services.AddSkyforgeRuntime();
        services.AddSingleton(AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = moto.CredentialsFile }));
        services.AddSkyforgeAws(options =>
        {
            options.Region = MotoFixture.Region;
            options.Profile = MotoFixture.Profile;
            options.EndpointUrl = moto.Proxy.Endpoint.ToString();
            options.Resilience = new AwsResilienceOptions
            {
                MaxRetryAttempts = 4,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RetryMaxDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                RequestsPerSecond = 0,
            };
        });
        services.AddSingleton(new DataServicesOptions
        {
            ClusterName = DataServicesOperator.ClusterName,
            DefaultRegion = MotoFixture.Region,
            TransitionInterval = TimeSpan.FromMilliseconds(500),
            DriftInterval = driftInterval,
        });
        services.AddSingleton(new BuildContext(DataServicesOperator.ClusterName, MotoFixture.Region, Crds.V1Alpha1.Provider.Aws));
        services.AddSingleton<ManagedCacheKind>();
        services.AddSingleton<ReplicationGroupCache>();
        services.AddSingleton<CacheSetup>();
        services.AddSingleton<ManagedCacheReplicationGroupClient>();
        services.AddSingleton<ManagedCacheInClusterClient>();
        services.AddSingleton<ManagedCacheProviders>();
        services.AddSingleton(provider =>
        {
            var kind = provider.GetRequiredService<ManagedCacheKind>();
            var options = provider.GetRequiredService<DataServicesOptions>();
            var reconciler = new ManagedResourceReconciler<Crds.V1Alpha1.ManagedCache>(
                kind,
                provider.GetRequiredService<ManagedCacheProviders>(),
                provider.GetRequiredService<SharedInformerFactory>(),
                provider.GetRequiredService<IKubernetesClient>(),
                provider.GetRequiredService<IEventRecorder>(),
                provider.GetRequiredService<BuildContext>(),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Skyforge.Operator.Controllers.ManagedCache"));
            return new ControllerBuilder("managedcache", kind.Type).WithWorkers(options.Workers).WithPrimaryFilter(PrimaryFilters.GenerationOrMetadataChanged).Build(reconciler);
        });
        var built = services.BuildServiceProvider();
        await built.GetRequiredService<ControllerHost>().StartAsync(CancellationToken.None);
        return new CacheControllerHost(built, kubeconfig);
    }

    /// <summary>What must never carry a secret value: the scenario's logs and events plus every ManagedCache's status and annotations.</summary>
    public static string ObservableText(DataServicesOperator scenario)
    {
        var text = new StringBuilder(scenario.ObservableText());
        foreach (var obj in scenario.Server.Store.List(Crds.V1Alpha1.Group.Name, "managedcaches"))
        {
            text.Append('\n').Append(obj["status"]?.ToJsonString()).Append(obj["metadata"]?["annotations"]?.ToJsonString());
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<ControllerHost>().StopAsync(new CancellationToken(canceled: true));
        await _services.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
