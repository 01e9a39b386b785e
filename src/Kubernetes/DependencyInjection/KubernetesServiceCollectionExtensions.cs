using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.Discovery;
using Skyforge.Kubernetes.Http;

namespace Skyforge.Kubernetes.DependencyInjection;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKubernetesClient"/> (one HTTP client for the process), the resolved
    /// <see cref="KubernetesClientConfiguration"/>, and <see cref="ApiDiscovery"/>.
    /// </summary>
    public static IServiceCollection AddSkyforgeKubernetes(this IServiceCollection services, Action<KubernetesClientOptions>? configure = null)
    {
        var options = services.AddOptions<KubernetesClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new KubernetesClientMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider =>
        {
            var clientOptions = provider.GetRequiredService<IOptions<KubernetesClientOptions>>().Value;
            return clientOptions.Configuration
                ?? KubernetesConfigurationLoader.Load(clientOptions.KubeConfigPath, clientOptions.Context, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IKubernetesClient>(provider => new KubernetesClient(
            provider.GetRequiredService<KubernetesClientConfiguration>(),
            provider.GetRequiredService<IOptions<KubernetesClientOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<KubernetesClient>>(),
            provider.GetRequiredService<KubernetesClientMetrics>()));
        services.TryAddSingleton(provider => new ApiDiscovery(provider.GetRequiredService<IKubernetesClient>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
