using Skyforge.Operator.Builders.Apps;
using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.Tests.Controllers.Apps;

public sealed class BlueGreenPlannerTests
{
    private const string Spec = """
          target: eks
          services:
            - name: web
              image: {image}
              port: 8080
              replicas: 2
              rollout: {strategy: BlueGreen, blueGreen: {scaleDownDelaySeconds: 60}}
        """;

    private static PlannerWorld Running()
    {
        var world = new PlannerWorld(Spec);
        world.Step();
        world.Complete("web-blue");
        world.Complete("web-green");
        Assert.Equal(RolloutStates.Complete, world.Step().Status.Rollout);
        return world;
    }

    [Fact]
    public void The_first_version_runs_blue_with_green_at_zero()
    {
        var world = Running();
        Assert.Equal(2, world.ReplicasOf("web-blue"));
        Assert.Equal(0, world.ReplicasOf("web-green"));
        Assert.Equal("blue", world.Service!["spec"]!["selector"]![AppNames.ColorLabel]!.GetValue<string>());
    }

    [Fact]
    public void The_service_switches_only_when_the_new_colour_is_fully_ready_and_the_old_one_scales_down_after_the_delay()
    {
        var world = Running();
        world.Image = "shop:2";
        var preview = world.Step();
        Assert.Equal("shop:2", world.ImageOf("web-green"));
        Assert.Equal(2, world.ReplicasOf("web-green"));
        Assert.Equal("shop:1", world.ImageOf("web-blue"));
        Assert.Equal("blue", preview.ActiveColor);
        Assert.True(preview.Progressing);

        Assert.Equal("blue", world.Step().ActiveColor);

        world.Complete("web-green");
        var switched = world.Step();
        Assert.Equal("green", switched.ActiveColor);
        Assert.Equal("web-green", switched.AutoscalerTarget);
        Assert.Equal(TimeSpan.FromSeconds(60), switched.RequeueAfter);
        Assert.Contains(world.Events, e => e.Reason == RolloutReasons.Switched);

        world.Now += TimeSpan.FromSeconds(30);
        var waiting = world.Step();
        Assert.Equal(2, world.ReplicasOf("web-blue"));
        Assert.Equal(TimeSpan.FromSeconds(30), waiting.RequeueAfter);

        world.Now += TimeSpan.FromSeconds(30);
        world.Step();
        Assert.Equal(0, world.ReplicasOf("web-blue"));
        Assert.Contains(world.Events, e => e.Reason == RolloutReasons.ScaledDown);
    }

    [Fact]
    public void A_new_colour_that_fails_is_scaled_to_zero_and_traffic_never_moves()
    {
        var world = Running();
        world.Image = "shop:2-broken";
        world.Step();
        world.Fail("web-green");
        var rolledBack = world.Step();
        Assert.Equal("blue", rolledBack.ActiveColor);
        Assert.Equal(0, world.ReplicasOf("web-green"));
        Assert.Equal(RolloutStates.RolledBack, rolledBack.Status.Rollout);
        Assert.Equal(RolloutReasons.RolledBack, rolledBack.Degraded!.Reason);
        Assert.True(rolledBack.Serving);

        world.Step();
        Assert.Single(world.Events, e => e.Reason == RolloutReasons.RolledBack);
        Assert.Equal(0, world.ReplicasOf("web-green"));
    }
}
