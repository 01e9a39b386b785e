using System.Text.Json.Nodes;

namespace Skyforge.TestKit.Workloads;

/// <summary>The Deployment controller's status, as the simulator reports it for each phase.</summary>
internal static class DeploymentStatusSimulation
{
    public static JsonObject Build(JsonObject deployment, SimulatedPhase phase, int scriptedReady, RolloutState rollout, string now)
    {
        var previous = deployment["status"] as JsonObject;
        var replicas = WorkloadSpec.Replicas(deployment);
        var oldReady = Math.Min(rollout.ReadyAtStart, replicas);
        var (updated, available) = phase switch
        {
            SimulatedPhase.RolloutStarted => (0, oldReady),
            SimulatedPhase.Progressing => (Math.Min(scriptedReady, replicas), Math.Min(scriptedReady, replicas)),
            SimulatedPhase.Failed => (Math.Min(1, replicas), oldReady),
            _ => (replicas, replicas),
        };
        var replicaSet = $"{WorkloadSpec.Name(deployment)}-{rollout.Revision}";
        var minimumAvailable = available >= replicas - WorkloadSpec.MaxUnavailable(deployment, replicas);
        var progressing = phase switch
        {
            SimulatedPhase.Ready => SimulatedConditions.Deployment(previous, "Progressing", true, "NewReplicaSetAvailable",
                $"ReplicaSet \"{replicaSet}\" has successfully progressed.", now),
            SimulatedPhase.Failed => SimulatedConditions.Deployment(previous, "Progressing", false, "ProgressDeadlineExceeded",
                $"ReplicaSet \"{replicaSet}\" has timed out progressing.", now),
            _ => SimulatedConditions.Deployment(previous, "Progressing", true, "ReplicaSetUpdated",
                $"ReplicaSet \"{replicaSet}\" is progressing.", now),
        };
        var availableCondition = minimumAvailable
            ? SimulatedConditions.Deployment(previous, "Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
            : SimulatedConditions.Deployment(previous, "Available", false, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now);
        var status = new JsonObject
        {
            ["observedGeneration"] = WorkloadSpec.Generation(deployment),
            ["replicas"] = replicas,
            ["updatedReplicas"] = updated,
            ["readyReplicas"] = available,
            ["availableReplicas"] = available,
        };
        if (replicas > available)
        {
            status["unavailableReplicas"] = replicas - available;
        }
        status["conditions"] = new JsonArray(availableCondition, progressing);
        return status;
    }
}
