using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.Tests.Controllers.Apps;

public sealed class RollingUpdatePlannerTests
{
    private const string Spec = """
          target: eks
          services:
            - name: web
              image: {image}
              port: 8080
              replicas: 3
              rollout: {strategy: RollingUpdate, maxSurge: "100%", maxUnavailable: "0%", progressDeadlineSeconds: 120}
        """;

    [Fact]
    public void A_new_service_is_progressing_until_its_deployment_completes_then_records_the_healthy_template()
    {
        var world = new PlannerWorld(Spec);
        var first = world.Step();
        Assert.Equal(RolloutStates.Progressing, first.Status.Rollout);
        Assert.True(first.Progressing);
        Assert.False(first.Serving);
        Assert.Null(world.AnnotationOf("web", RolloutAnnotations.HealthyTemplate));

        world.Complete("web");
        var done = world.Step();
        Assert.Equal(RolloutStates.Complete, done.Status.Rollout);
        Assert.True(done.Serving);
        Assert.Equal(3, done.Status.ReadyReplicas);
        Assert.Contains("shop:1", world.AnnotationOf("web", RolloutAnnotations.HealthyTemplate));
    }

    [Fact]
    public void A_failing_revision_is_rolled_back_to_the_last_healthy_template_once_and_stays_rolled_back()
    {
        var world = new PlannerWorld(Spec);
        world.Step();
        world.Complete("web");
        world.Step();
        var healthyRevision = world.AnnotationOf("web", RolloutAnnotations.TemplateHash);

        world.Image = "shop:2-broken";
        var rolling = world.Step();
        Assert.Equal("shop:2-broken", world.ImageOf("web"));
        Assert.True(rolling.Progressing);

        world.Fail("web");
        var rollback = world.Step();
        Assert.Equal("shop:1", world.ImageOf("web"));
        Assert.Equal(RolloutStates.RolledBack, rollback.Status.Rollout);
        Assert.Equal(healthyRevision, rollback.Status.Revision);
        Assert.Equal(RolloutReasons.RolledBack, rollback.Degraded!.Reason);
        Assert.Contains("120s", rollback.Degraded.Message);
        var rolledBack = Assert.Single(world.Events);
        Assert.True(rolledBack.Warning);

        world.Complete("web");
        var pinned = world.Step();
        Assert.Equal("shop:1", world.ImageOf("web"));
        Assert.Equal(RolloutStates.RolledBack, pinned.Status.Rollout);
        Assert.Single(world.Events);
    }

    [Fact]
    public void A_new_spec_after_a_rollback_rolls_out_again()
    {
        var world = new PlannerWorld(Spec);
        world.Step();
        world.Complete("web");
        world.Step();
        world.Image = "shop:2-broken";
        world.Step();
        world.Fail("web");
        world.Step();
        world.Complete("web");

        world.Image = "shop:3";
        var next = world.Step();
        Assert.Equal("shop:3", world.ImageOf("web"));
        Assert.Null(next.Degraded);
        Assert.Null(world.AnnotationOf("web", RolloutAnnotations.FailedTemplateHash));
        world.Complete("web");
        Assert.Equal(RolloutStates.Complete, world.Step().Status.Rollout);
    }

    [Fact]
    public void Without_auto_rollback_a_failed_revision_stays_and_is_reported()
    {
        var world = new PlannerWorld(Spec.Replace("progressDeadlineSeconds: 120", "progressDeadlineSeconds: 120, autoRollback: false", StringComparison.Ordinal));
        world.Step();
        world.Complete("web");
        world.Step();
        world.Image = "shop:2-broken";
        world.Step();
        world.Fail("web");
        var failed = world.Step();
        Assert.Equal("shop:2-broken", world.ImageOf("web"));
        Assert.Equal(RolloutStates.Failed, failed.Status.Rollout);
        Assert.Equal(RolloutReasons.ProgressDeadlineExceeded, failed.Degraded!.Reason);
        Assert.Contains("autoRollback is off", failed.Degraded.Message);
    }

    [Fact]
    public void A_first_revision_that_fails_has_nothing_to_return_to()
    {
        var world = new PlannerWorld(Spec);
        world.Step();
        world.Fail("web");
        var failed = world.Step();
        Assert.Equal(RolloutStates.Failed, failed.Status.Rollout);
        Assert.Contains("no earlier revision", failed.Degraded!.Message);
    }
}
