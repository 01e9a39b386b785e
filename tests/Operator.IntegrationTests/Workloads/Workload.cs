using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.Workloads;

/// <summary>Minimal workload manifests and status accessors for the simulator tests.</summary>
internal static class Workload
{
    public static JsonObject Deployment(string name, string image, int replicas = 3, JsonObject? labels = null) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = Template(name, image),
        },
    };

    public static JsonObject StatefulSet(string name, string image, int replicas = 3) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["serviceName"] = name,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = Template(name, image),
        },
    };

    public static JsonObject Job(string name, string image) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["backoffLimit"] = 2, ["template"] = Template(name, image, restartPolicy: "Never") },
    };

    public static JsonObject Template(string name, string image, string restartPolicy = "Always") => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject
        {
            ["restartPolicy"] = restartPolicy,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = image }),
        },
    };

    public static JsonObject Condition(JsonObject workload, string type) =>
        (workload["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().SingleOrDefault(c => c["type"]!.GetValue<string>() == type)
        ?? throw new Xunit.Sdk.XunitException($"no {type} condition in {workload["status"]?.ToJsonString()}");

    public static string ConditionText(JsonObject workload, string type)
    {
        var condition = Condition(workload, type);
        return $"{condition["status"]}/{condition["reason"]}";
    }

    public static long Long(JsonObject workload, string field) =>
        workload["status"]?[field] is { } value ? long.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : -1;

    public static string Text(JsonObject workload, string field) => workload["status"]?[field]?.GetValue<string>() ?? "";
}
