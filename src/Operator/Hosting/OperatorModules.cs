using Skyforge.Operator.Controllers;
using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.Hosting;

/// <summary>Every module `skyforge run` hosts, in registration order.</summary>
public static class OperatorModules
{
    public static IReadOnlyList<IOperatorModule> All { get; } = [new DataServicesModule(), new AppPlatformModule()];
}
