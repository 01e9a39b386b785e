using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;

namespace Skyforge.Operator.Controllers;

/// <summary>The REST resources of the Skyforge kinds the data-service controllers reconcile.</summary>
public static class SkyforgeResourceTypes
{
    public static ResourceType ManagedDatabases { get; } = new(Group.Name, Group.Version, "manageddatabases", "ManagedDatabase", Namespaced: true);
    public static ResourceType ManagedCaches { get; } = new(Group.Name, Group.Version, "managedcaches", "ManagedCache", Namespaced: true);
    public static ResourceType MessageBuses { get; } = new(Group.Name, Group.Version, "messagebuses", "MessageBus", Namespaced: true);
    public static ResourceType ManagedSecrets { get; } = new(Group.Name, Group.Version, "managedsecrets", "ManagedSecret", Namespaced: true);
}
