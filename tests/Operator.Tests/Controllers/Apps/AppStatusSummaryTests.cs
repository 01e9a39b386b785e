using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.Tests.Controllers.Apps;

public sealed class AppStatusSummaryTests
{
    private static ServiceRollout Rollout(bool serving, bool progressing = false, RolloutProblem? degraded = null) => new()
    {
        Apply = [],
        Status = new ServiceStatus { Name = "web", Rollout = progressing ? RolloutStates.Progressing : RolloutStates.Complete },
        Serving = serving,
        Progressing = progressing,
        Degraded = degraded,
    };

    private static AppCondition Condition(AppStatusSummary summary, string type) => summary.Conditions.Single(c => c.Type == type);

    [Fact]
    public void Waiting_for_a_data_service_is_DependencyNotReady_and_names_it()
    {
        var summary = AppStatusSummary.Compute(
            [new DataServiceStatus { Kind = "ManagedDatabase", Name = "db", Ready = false, Message = "external state: creating" }],
            [],
            [("web", ["db"])]);
        Assert.Equal("Provisioning", summary.Phase);
        Assert.Equal(("False", AppConditions.DependencyNotReady), (Condition(summary, "Ready").Status, Condition(summary, "Ready").Reason));
        Assert.Contains("ManagedDatabase db: external state: creating", Condition(summary, "Ready").Message);
        Assert.Equal("web waits for db", Condition(summary, "WorkloadsReady").Message);
    }

    [Fact]
    public void Everything_serving_and_settled_is_Running()
    {
        var summary = AppStatusSummary.Compute([new DataServiceStatus { Kind = "ManagedCache", Name = "c", Ready = true }], [("web", Rollout(serving: true))], []);
        Assert.Equal("Running", summary.Phase);
        Assert.All(new[] { "Ready", "DataServicesReady", "WorkloadsReady" }, type => Assert.Equal("True", Condition(summary, type).Status));
        Assert.Equal("False", Condition(summary, "Progressing").Status);
        Assert.Equal("False", Condition(summary, "Degraded").Status);
    }

    [Fact]
    public void A_rollout_keeps_a_serving_app_ready_but_progressing_and_a_rollback_degrades_it()
    {
        var rolling = AppStatusSummary.Compute([], [("web", Rollout(serving: true, progressing: true))], []);
        Assert.Equal(("Deploying", "True", "True"), (rolling.Phase, Condition(rolling, "Ready").Status, Condition(rolling, "Progressing").Status));

        var rolledBack = AppStatusSummary.Compute([], [("web", Rollout(serving: true, degraded: new RolloutProblem(RolloutReasons.RolledBack, "revision abc failed")))], []);
        Assert.Equal("Degraded", rolledBack.Phase);
        Assert.Equal(("True", RolloutReasons.RolledBack, "revision abc failed"),
            (Condition(rolledBack, "Degraded").Status, Condition(rolledBack, "Degraded").Reason, Condition(rolledBack, "Degraded").Message));
        Assert.Equal("True", Condition(rolledBack, "Ready").Status);
    }

    [Fact]
    public void A_service_without_available_pods_is_not_ready()
    {
        var summary = AppStatusSummary.Compute([], [("web", Rollout(serving: false, progressing: true))], []);
        Assert.Equal(("False", AppConditions.WorkloadsNotReady), (Condition(summary, "Ready").Status, Condition(summary, "Ready").Reason));
        Assert.Equal("Deploying", summary.Phase);
    }
}
