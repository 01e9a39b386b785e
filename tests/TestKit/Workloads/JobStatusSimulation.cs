using System.Text.Json.Nodes;

namespace Skyforge.TestKit.Workloads;

/// <summary>The Job controller's status, as the simulator reports it: running, complete or failed.</summary>
internal static class JobStatusSimulation
{
    private const string Succeeded = "Reached expected number of succeeded pods";
    private const string BackoffLimitReached = "Job has reached the specified backoff limit";

    /// <summary>A Job that completed or failed is finished; like the real controller, nothing changes it afterwards.</summary>
    public static bool IsFinished(JsonObject job) =>
        SimulatedConditions.IsTrue(job["status"] as JsonObject, "Complete") || SimulatedConditions.IsTrue(job["status"] as JsonObject, "Failed");

    public static JsonObject Build(JsonObject job, SimulatedPhase phase, int scriptedReady, string now)
    {
        var previous = job["status"] as JsonObject;
        var parallelism = WorkloadSpec.Int(job["spec"]?["parallelism"]) ?? 1;
        var status = new JsonObject { ["startTime"] = previous?["startTime"]?.DeepClone() ?? now };
        switch (phase)
        {
            case SimulatedPhase.Ready:
                status["completionTime"] = now;
                status["succeeded"] = WorkloadSpec.Int(job["spec"]?["completions"]) ?? 1;
                status["conditions"] = new JsonArray(
                    SimulatedConditions.Job(previous, "SuccessCriteriaMet", "CompletionsReached", Succeeded, now),
                    SimulatedConditions.Job(previous, "Complete", "CompletionsReached", Succeeded, now));
                status["ready"] = 0;
                break;
            case SimulatedPhase.Failed:
                status["failed"] = (WorkloadSpec.Int(job["spec"]?["backoffLimit"]) ?? 6) + 1;
                status["conditions"] = new JsonArray(
                    SimulatedConditions.Job(previous, "FailureTarget", "BackoffLimitExceeded", BackoffLimitReached, now),
                    SimulatedConditions.Job(previous, "Failed", "BackoffLimitExceeded", BackoffLimitReached, now));
                status["ready"] = 0;
                break;
            default:
                status["active"] = parallelism;
                status["ready"] = phase == SimulatedPhase.Progressing ? Math.Min(scriptedReady, parallelism) : 0;
                break;
        }
        status["uncountedTerminatedPods"] = new JsonObject();
        return status;
    }
}
