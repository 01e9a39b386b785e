using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The readiness of each composed data service, read from its Ready condition.</summary>
public static class DataServiceReadiness
{
    /// <param name="live">The child resource as observed, null when it does not exist (yet).</param>
    public static DataServiceStatus Of(string kind, string name, JsonObject? live)
    {
        var ready = (live?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(condition => condition["type"]?.GetValue<string>() == "Ready");
        var isReady = ready?["status"]?.GetValue<string>() == "True";
        var message = live is null
            ? "not created yet"
            : ready?["message"]?.GetValue<string>() ?? "waiting for its controller";
        return new DataServiceStatus { Kind = kind, Name = name, Ready = isReady, Message = message };
    }
}
