using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>What the application's environment changes in the defaults of its workloads and data services.</summary>
public static class EnvironmentDefaults
{
    public static bool IsProd(AppPlatformSpec spec) => spec.Environment == Crds.V1Alpha1.Environment.Prod;

    /// <summary>Replicas of a service without autoscaling: its own count, else 2 in prod and 1 elsewhere.</summary>
    public static int Replicas(AppPlatformSpec spec, AppService service) => service.Replicas ?? (IsProd(spec) ? 2 : 1);

    /// <summary>Minimum replicas under autoscaling: prod never runs a web service on a single pod.</summary>
    public static int MinReplicas(AppPlatformSpec spec, AppService service)
    {
        var min = service.Autoscaling?.MinReplicas ?? 1;
        return IsProd(spec) && service.Kind != ServiceKind.Worker ? Math.Max(min, Math.Min(2, service.Autoscaling?.MaxReplicas ?? 2)) : min;
    }

    /// <summary>A composed database's spec with the environment's defaults for fields the user left unset.</summary>
    public static ManagedDatabaseSpec Apply(AppPlatformSpec app, ManagedDatabaseSpec spec) =>
        IsProd(app)
            ? spec with
            {
                DeletionPolicy = spec.DeletionPolicy ?? DeletionPolicy.Retain,
                DeletionProtection = spec.DeletionProtection ?? true,
                HighAvailability = spec.HighAvailability ?? ((spec.Provider ?? Provider.Aws) == Provider.Aws),
            }
            : spec;
}
