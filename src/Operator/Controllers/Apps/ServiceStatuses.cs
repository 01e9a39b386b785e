using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The <c>status.services[]</c> entry of a service, from the Deployment that serves it.</summary>
public static class ServiceStatuses
{
    public static ServiceStatus Of(RolloutInput input, ObservedDeployment? serving, string revision, string rollout, int? canaryWeight = null) => new()
    {
        Name = input.Service.Name,
        ReadyReplicas = serving?.ReadyReplicas ?? 0,
        DesiredReplicas = serving?.SpecReplicas ?? RolloutReplicas.Initial(input.App, input.Service),
        Revision = revision,
        Rollout = rollout,
        CanaryWeight = canaryWeight is > 0 ? canaryWeight : null,
    };

    /// <summary>A service held back until its data services are ready.</summary>
    public static ServiceStatus Waiting(AppService service, ObservedDeployment? serving, int desired) => new()
    {
        Name = service.Name,
        ReadyReplicas = serving?.ReadyReplicas ?? 0,
        DesiredReplicas = serving?.SpecReplicas ?? desired,
        Revision = serving?.TemplateHash,
        Rollout = RolloutStates.Waiting,
    };
}
