using System.Text.Json.Nodes;

namespace Skyforge.TestKit.Workloads;

/// <summary>Builds status conditions, keeping the previous timestamps when a condition did not change.</summary>
internal static class SimulatedConditions
{
    /// <summary>A Deployment-style condition (lastUpdateTime + lastTransitionTime).</summary>
    public static JsonObject Deployment(JsonObject? previousStatus, string type, bool status, string reason, string message, string now)
    {
        var previous = Find(previousStatus, type);
        var statusText = status ? "True" : "False";
        var sameStatus = previous?["status"]?.GetValue<string>() == statusText;
        var unchanged = sameStatus && previous?["reason"]?.GetValue<string>() == reason && previous?["message"]?.GetValue<string>() == message;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = statusText,
            ["lastUpdateTime"] = unchanged ? previous!["lastUpdateTime"]?.DeepClone() : now,
            ["lastTransitionTime"] = sameStatus ? previous!["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    /// <summary>A Job-style condition (lastProbeTime + lastTransitionTime), always True.</summary>
    public static JsonObject Job(JsonObject? previousStatus, string type, string reason, string message, string now)
    {
        var previous = Find(previousStatus, type);
        var same = previous?["status"]?.GetValue<string>() == "True";
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastProbeTime"] = same ? previous!["lastProbeTime"]?.DeepClone() : now,
            ["lastTransitionTime"] = same ? previous!["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    public static bool IsTrue(JsonObject? status, string type) => Find(status, type)?["status"]?.GetValue<string>() == "True";

    private static JsonObject? Find(JsonObject? status, string type) =>
        (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
}
