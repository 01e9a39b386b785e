using System.Text.Json.Nodes;

namespace Skyforge.TestKit.Workloads;

/// <summary>The StatefulSet controller's status, as the simulator reports it for each phase.</summary>
internal static class StatefulSetStatusSimulation
{
    public static JsonObject Build(JsonObject statefulSet, SimulatedPhase phase, int scriptedReady, RolloutState rollout)
    {
        var replicas = WorkloadSpec.Replicas(statefulSet);
        var oldReady = Math.Min(rollout.ReadyAtStart, replicas);
        // Pods are replaced one at a time from the highest ordinal; a failing revision stalls on its first pod.
        var (updated, ready) = phase switch
        {
            SimulatedPhase.RolloutStarted => (0, oldReady),
            SimulatedPhase.Progressing => (Math.Min(scriptedReady, replicas), Math.Min(scriptedReady, replicas)),
            SimulatedPhase.Failed => (Math.Min(1, replicas), Math.Max(0, oldReady - 1)),
            _ => (replicas, replicas),
        };
        var name = WorkloadSpec.Name(statefulSet);
        var updateRevision = $"{name}-{rollout.Revision}";
        var complete = phase == SimulatedPhase.Ready;
        var currentRevision = complete || rollout.PreviousRevision is null ? updateRevision : $"{name}-{rollout.PreviousRevision}";
        return new JsonObject
        {
            ["observedGeneration"] = WorkloadSpec.Generation(statefulSet),
            ["replicas"] = replicas,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["currentReplicas"] = complete ? replicas : replicas - updated,
            ["updatedReplicas"] = updated,
            ["currentRevision"] = currentRevision,
            ["updateRevision"] = updateRevision,
            ["collisionCount"] = 0,
        };
    }
}
