using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skyforge.Aws;
using Skyforge.Aws.Credentials;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Kubernetes.Http;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.IntegrationTests.Aws;
using Skyforge.Operator.IntegrationTests.Runtime;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.DependencyInjection;

namespace Skyforge.Operator.IntegrationTests.Reliability;

/// <summary>
/// One operator process, composed the way `skyforge run` composes it (Kubernetes client, runtime, AWS clients aimed at
/// moto through the fault proxy, the data-service module) with the fault matrix's timings
/// (<see cref="FaultMatrixTimings"/>). Its Kubernetes connection can be severed and it can run leader election, so two
/// replicas can contend; <see cref="CrashAsync"/> cancels in-flight reconciles and drops everything, as a killed process would.
/// </summary>
internal sealed class OperatorReplica : IAsyncDisposable
{
    public const string LeaseName = "skyforge-operator";
    public const string LeaseNamespace = "default";

    private ServiceProvider? _services;

    private OperatorReplica(string name)
    {
        Name = name;
    }

    /// <summary>Lease identity and the User-Agent of its Kubernetes requests, so the server's request log tells replicas apart.</summary>
    public string Name { get; }

    public SeverableTransport Network { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public ControllerHost Host => (_services ?? throw new InvalidOperationException($"{Name} is stopped")).GetRequiredService<ControllerHost>();

    public static async Task<OperatorReplica> StartAsync(string name, string kubeconfigPath, MotoFixture moto, bool leaderElection)
    {
        var replica = new OperatorReplica(name);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(replica.Logs)));
        services.AddSkyforgeKubernetes(kubernetes =>
        {
            kubernetes.KubeConfigPath = kubeconfigPath;
            kubernetes.FieldManager = ManagedResourceReconciler<object>.FieldManager;
            kubernetes.UserAgent = name;
        });
        services.Replace(ServiceDescriptor.Singleton<IKubernetesClient>(provider => new KubernetesClient(
            provider.GetRequiredService<KubernetesClientConfiguration>(),
            provider.GetRequiredService<IOptions<KubernetesClientOptions>>().Value,
            TimeProvider.System,
            provider.GetService<ILogger<KubernetesClient>>(),
            provider.GetRequiredService<KubernetesClientMetrics>(),
            replica.Network)));
        services.AddSkyforgeRuntime(runtime => runtime.LeaderElection = leaderElection ? FaultMatrixTimings.Election(name) : null);
        services.AddSingleton(AwsEnvironment.FromValues(new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = moto.CredentialsFile }));
        services.AddSkyforgeAws(options =>
        {
            options.Region = MotoFixture.Region;
            options.Profile = MotoFixture.Profile;
            options.EndpointUrl = moto.Proxy.Endpoint.ToString();
            options.Resilience = FaultMatrixTimings.AwsResilience();
        });
        new DataServicesModule().Register(services);
        services.Configure<DataServicesOptions>(options =>
        {
            options.ClusterName = FaultMatrixCluster.ClusterName;
            options.TransitionInterval = FaultMatrixTimings.TransitionInterval;
            options.DriftInterval = FaultMatrixTimings.DriftInterval;
        });
        replica._services = services.BuildServiceProvider();
        await replica.Host.StartAsync(CancellationToken.None);
        return replica;
    }

    /// <summary>Stops at once: in-flight reconciles (and their AWS calls) are cancelled, nothing is handed over cleanly.</summary>
    public async Task CrashAsync()
    {
        if (_services is null)
        {
            return;
        }
        await _services.GetRequiredService<ControllerHost>().StopAsync(new CancellationToken(canceled: true));
        await _services.DisposeAsync();
        _services = null;
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        Network.Dispose();
    }
}
