using System.Text;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes;

namespace Skyforge.Operator.Controllers;

/// <summary>Kubernetes objects the data-service controllers apply (connection Secrets, setup Jobs, in-cluster engines).</summary>
internal static class PublishedObjects
{
    private static readonly ResourceType[] Known =
    [
        ResourceTypes.Secrets, ResourceTypes.ConfigMaps, ResourceTypes.Services, ResourceTypes.ServiceAccounts,
        ResourceTypes.StatefulSets, ResourceTypes.Deployments, ResourceTypes.Jobs,
    ];

    public static ResourceType TypeOf(JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        return Known.FirstOrDefault(type => type.ApiVersion == apiVersion && type.Kind == kind)
            ?? throw new InvalidOperationException($"no resource type is known for {apiVersion} {kind}");
    }

    /// <summary>
    /// A copy ready for server-side apply. A Secret's stringData becomes data: applied data keys are owned
    /// by the field manager, so a key dropped from the desired state is dropped from the Secret too.
    /// </summary>
    public static JsonObject ForApply(JsonObject desired)
    {
        var obj = desired.DeepClone().AsObject();
        if (obj["kind"]?.GetValue<string>() == "Secret" && obj["stringData"] is JsonObject stringData)
        {
            var data = obj["data"] as JsonObject ?? [];
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
            }
            obj.Remove("stringData");
            obj["data"] = data;
        }
        return obj;
    }
}
