using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Skyforge.Operator.Hosting;
using Skyforge.Runtime.Controllers;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// The AppPlatform controller. It watches every kind it owns (a change or deletion of a child, or a data service
/// becoming ready, reconciles the owner at once), so it needs no periodic resync. Composes with
/// <see cref="DataServicesModule"/>, whose controllers serve the data services it creates.
/// </summary>
public sealed class AppPlatformModule : IOperatorModule
{
    public void Register(IServiceCollection services)
    {
        services.TryAddSingleton<AppPlatformReconciler>();
        services.AddSingleton(provider =>
        {
            var workers = provider.GetService<OperatorOptions>()?.MaxConcurrentReconciles ?? 2;
            var controller = new ControllerBuilder("appplatform", AppResourceTypes.AppPlatforms)
                .WithWorkers(workers)
                .WithPrimaryFilter(PrimaryFilters.GenerationOrMetadataChanged);
            foreach (var type in AppResourceTypes.Watched)
            {
                controller.Owns(type, AppPlatformReconciler.OwnedSelector(type));
            }
            return controller.Build(provider.GetRequiredService<AppPlatformReconciler>());
        });
    }
}
