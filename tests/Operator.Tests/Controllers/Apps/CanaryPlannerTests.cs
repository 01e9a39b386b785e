using Skyforge.Operator.Controllers.Apps;

namespace Skyforge.Operator.Tests.Controllers.Apps;

public sealed class CanaryPlannerTests
{
    private const string Spec = """
          target: {target}
          services:
            - name: web
              image: {image}
              port: 80
              replicas: 4
              route: {path: /}
              rollout:
                strategy: Canary
                canary:
                  steps:
                    - {weight: 10, pauseSeconds: 300}
                    - {weight: 50, pauseSeconds: 60}
                    - {weight: 100}
        """;

    private static PlannerWorld Running(string target = "eks")
    {
        var world = new PlannerWorld(Spec.Replace("{target}", target, StringComparison.Ordinal));
        world.Step();
        world.Complete("web");
        world.Complete("web-canary");
        Assert.Equal(RolloutStates.Complete, world.Step().Status.Rollout);
        return world;
    }

    [Fact]
    public void A_canary_takes_traffic_only_once_ready_pauses_at_each_step_then_promotes()
    {
        var world = Running();
        world.Image = "shop:2";
        var starting = world.Step();
        Assert.Equal("shop:2", world.ImageOf("web-canary"));
        Assert.Equal("shop:1", world.ImageOf("web"));
        Assert.Equal(1, world.ReplicasOf("web-canary"));
        Assert.Equal(0, starting.CanaryWeight);

        world.Complete("web-canary");
        var paused = world.Step();
        Assert.Equal(10, paused.CanaryWeight);
        Assert.Equal(RolloutStates.Paused, paused.Status.Rollout);
        Assert.Equal(TimeSpan.FromSeconds(300), paused.RequeueAfter);

        world.Now += TimeSpan.FromSeconds(299);
        Assert.Equal(10, world.Step().CanaryWeight);

        world.Now += TimeSpan.FromSeconds(1);
        var scaling = world.Step();
        Assert.Equal(2, world.ReplicasOf("web-canary"));
        Assert.Equal(10, scaling.CanaryWeight);
        world.Complete("web-canary");
        Assert.Equal(50, world.Step().CanaryWeight);

        world.Now += TimeSpan.FromSeconds(60);
        var promoting = world.Step();
        Assert.Equal("shop:2", world.ImageOf("web"));
        Assert.Equal(50, promoting.CanaryWeight);
        Assert.Contains(world.Events, e => e.Reason == RolloutReasons.Promoted);
        Assert.Equal(50, world.Step().CanaryWeight);

        world.Complete("web");
        var done = world.Step();
        Assert.Equal(0, done.CanaryWeight);
        Assert.Equal(0, world.ReplicasOf("web-canary"));
        Assert.Equal(RolloutStates.Complete, done.Status.Rollout);
        Assert.Equal(2, world.Events.Count(e => e.Reason == RolloutReasons.CanaryStep));
    }

    [Fact]
    public void A_failing_canary_gets_no_traffic_and_stable_never_changes()
    {
        var world = Running();
        world.Image = "shop:2-broken";
        world.Step();
        world.Fail("web-canary");
        var rolledBack = world.Step();
        Assert.Equal(0, rolledBack.CanaryWeight);
        Assert.Equal(0, world.ReplicasOf("web-canary"));
        Assert.Equal("shop:1", world.ImageOf("web"));
        Assert.Equal(RolloutReasons.RolledBack, rolledBack.Degraded!.Reason);
        world.Step();
        Assert.Single(world.Events, e => e.Reason == RolloutReasons.RolledBack);
    }

    [Fact]
    public void On_k3s_the_canary_share_of_pods_approximates_its_weight()
    {
        var world = Running("k3s");
        world.Image = "shop:2";
        world.Step();
        Assert.Equal(1, world.ReplicasOf("web-canary"));
        world.Complete("web-canary");
        world.Step();
        world.Now += TimeSpan.FromSeconds(300);
        world.Step();
        Assert.Equal(4, world.ReplicasOf("web-canary"));
        Assert.Equal(4, world.ReplicasOf("web"));
    }

    [Theory]
    [InlineData(4, 10, true, 1)]
    [InlineData(10, 25, true, 3)]
    [InlineData(4, 50, false, 4)]
    [InlineData(9, 10, false, 1)]
    [InlineData(3, 100, true, 3)]
    public void Canary_replicas_follow_the_weight(int stable, int weight, bool weighted, int expected) =>
        Assert.Equal(expected, RolloutReplicas.Canary(stable, weight, weighted));
}
