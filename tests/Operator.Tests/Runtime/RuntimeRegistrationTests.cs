using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Configuration;
using Skyforge.Kubernetes.DependencyInjection;
using Skyforge.Kubernetes.Discovery;
using Skyforge.Runtime.Controllers;
using Skyforge.Runtime.DependencyInjection;
using Skyforge.Runtime.Events;

namespace Skyforge.Operator.Tests.Runtime;

public sealed class RuntimeRegistrationTests
{
    private static readonly ResourceType Widgets = new("example.com", "v1", "widgets", "Widget", Namespaced: true);

    [Fact]
    public async Task The_client_runtime_and_a_controller_wire_up_from_the_container()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSkyforgeKubernetes(options =>
        {
            options.Configuration = new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:1") };
            options.Qps = 5;
        });
        services.AddSkyforgeRuntime(options => options.Namespace = "team-a");
        services.AddController<NoOpReconciler>("widgets", Widgets, controller => controller.Owns(ResourceTypes.ConfigMaps).WithWorkers(3));
        await using var provider = services.BuildServiceProvider();

        var definition = Assert.Single(provider.GetServices<ControllerDefinition>());
        var hosted = provider.GetServices<IHostedService>().OfType<ControllerHost>().Single();
        var readiness = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.IsType<KubernetesClient>(provider.GetRequiredService<IKubernetesClient>());
        Assert.NotNull(provider.GetRequiredService<ApiDiscovery>());
        Assert.IsType<EventRecorder>(provider.GetRequiredService<IEventRecorder>());
        Assert.Same(provider.GetRequiredService<ControllerHost>(), hosted);
        Assert.Equal(3, definition.Workers);
        Assert.IsType<NoOpReconciler>(definition.Reconciler);
        Assert.Equal(ResourceTypes.ConfigMaps, Assert.Single(definition.Watches).Type);
        Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
    }

    private sealed class NoOpReconciler : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
    }
}
