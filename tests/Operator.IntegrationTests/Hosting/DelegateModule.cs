using Microsoft.Extensions.DependencyInjection;
using Skyforge.Operator.Hosting;

namespace Skyforge.Operator.IntegrationTests.Hosting;

/// <summary>A controller module made of one registration callback.</summary>
internal sealed class DelegateModule(Action<IServiceCollection> register) : IOperatorModule
{
    public void Register(IServiceCollection services) => register(services);
}
