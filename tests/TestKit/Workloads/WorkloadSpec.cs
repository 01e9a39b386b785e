using System.Globalization;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.Workloads;

/// <summary>Reads the spec fields the simulated controllers need, with the Kubernetes defaults.</summary>
internal static class WorkloadSpec
{
    public static int Replicas(JsonObject workload) => Int(workload["spec"]?["replicas"]) ?? 1;

    public static long Generation(JsonObject workload) => JsonTree.AsLong(workload["metadata"]?["generation"]) ?? 1;

    public static string Name(JsonObject workload) => JsonTree.Name(workload);

    /// <summary>Replicas a Deployment may lack and still count as available (RollingUpdate maxUnavailable, default 25 %, rounded down).</summary>
    public static int MaxUnavailable(JsonObject deployment, int replicas)
    {
        var strategy = deployment["spec"]?["strategy"];
        if (replicas == 0 || (strategy?["type"]?.GetValue<string>() is { } type && type != "RollingUpdate"))
        {
            return 0;
        }
        var value = strategy?["rollingUpdate"]?["maxUnavailable"];
        if (value is JsonValue text && text.TryGetValue<string>(out var percentText) && percentText.EndsWith('%')
            && int.TryParse(percentText[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            return Math.Min(replicas, replicas * percent / 100);
        }
        return Math.Min(replicas, Int(value) ?? replicas * 25 / 100);
    }

    public static int? Int(JsonNode? node) => JsonTree.AsLong(node) is { } value ? (int)value : null;
}
