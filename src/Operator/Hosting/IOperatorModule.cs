using Microsoft.Extensions.DependencyInjection;

namespace Skyforge.Operator.Hosting;

/// <summary>
/// A group of controllers the `run` host composes (data services, AppPlatform). A module registers
/// its reconcilers and providers; operator-wide settings come from DI (IOptions of the host's options).
/// </summary>
public interface IOperatorModule
{
    void Register(IServiceCollection services);
}
