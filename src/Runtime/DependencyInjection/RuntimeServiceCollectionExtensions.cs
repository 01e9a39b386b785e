using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skyforge.Kubernetes;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.Events;
using Skyforge.Runtime.Informers;
using Skyforge.Runtime.LeaderElection;
using Skyforge.Runtime.Metrics;

namespace Skyforge.Runtime.DependencyInjection;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared informers, the event recorder, leader election (when configured) and the
    /// <see cref="ControllerHost"/> as a hosted service, plus a readiness check tagged <c>ready</c>.
    /// Needs <c>AddSkyforgeKubernetes</c>.
    /// </summary>
    public static IServiceCollection AddSkyforgeRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<RuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RuntimeMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(provider =>
        {
            var runtime = provider.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            return new SharedInformerFactory(
                provider.GetRequiredService<IKubernetesClient>(),
                runtime.Namespace,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILoggerFactory>(),
                provider.GetRequiredService<RuntimeMetrics>(),
                runtime.Informers);
        });
        services.TryAddSingleton(provider => new EventRecorder(
            provider.GetRequiredService<IKubernetesClient>(),
            provider.GetRequiredService<IOptions<RuntimeOptions>>().Value.Events,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<EventRecorder>>()));
        services.TryAddSingleton<IEventRecorder>(provider => provider.GetRequiredService<EventRecorder>());
        services.TryAddSingleton(provider =>
        {
            var election = provider.GetRequiredService<IOptions<RuntimeOptions>>().Value.LeaderElection;
            var loggerFactory = provider.GetService<ILoggerFactory>();
            var elector = election is null
                ? null
                : new LeaderElector(
                    new KubernetesLeaseLock(provider.GetRequiredService<IKubernetesClient>(), election.LeaseNamespace, election.LeaseName),
                    election,
                    provider.GetRequiredService<TimeProvider>(),
                    loggerFactory?.CreateLogger<LeaderElector>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<LeaderElector>.Instance,
                    provider.GetRequiredService<RuntimeMetrics>());
            return new ControllerHost(
                provider.GetRequiredService<SharedInformerFactory>(),
                provider.GetServices<ControllerDefinition>(),
                provider.GetRequiredService<TimeProvider>(),
                elector,
                loggerFactory,
                provider.GetRequiredService<RuntimeMetrics>());
        });
        services.AddHostedService(provider => provider.GetRequiredService<ControllerHost>());
        services.AddHealthChecks().AddCheck<ControllerHostReadinessCheck>("controllers", tags: ["ready"]);
        return services;
    }

    /// <summary>Registers a controller whose reconciler comes from the container.</summary>
    /// <param name="configure">Adds owned and watched resources, workers, filters.</param>
    public static IServiceCollection AddController<TReconciler>(
        this IServiceCollection services,
        string name,
        ResourceType forType,
        Action<ControllerBuilder>? configure = null)
        where TReconciler : class, IReconciler
    {
        services.TryAddSingleton<TReconciler>();
        services.AddSingleton(provider =>
        {
            var builder = new ControllerBuilder(name, forType);
            configure?.Invoke(builder);
            return builder.Build(provider.GetRequiredService<TReconciler>());
        });
        return services;
    }
}
