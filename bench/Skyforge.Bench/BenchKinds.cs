using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Controllers;

namespace Skyforge.Bench;

/// <summary>The kinds the harness applies, in the order it applies them.</summary>
internal static class BenchKinds
{
    public static ResourceType Databases => SkyforgeResourceTypes.ManagedDatabases;

    public static ResourceType Caches => SkyforgeResourceTypes.ManagedCaches;

    public static ResourceType Buses => SkyforgeResourceTypes.MessageBuses;

    public static ResourceType Apps { get; } = new(Group.Name, Group.Version, "appplatforms", "AppPlatform", Namespaced: true);
}
