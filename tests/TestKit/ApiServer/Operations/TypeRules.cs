using System.Text;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Resources;
using Skyforge.TestKit.ApiServer.Storage;

namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>
/// Per-type registry strategy behaviour on create and update: status reset for types with a status
/// subresource, Namespace defaults, Secret <c>stringData</c> folding, CRD cleanup finalizer and status.
/// </summary>
internal static class TypeRules
{
    public static void PrepareForCreate(ResourceType type, JsonObject obj)
    {
        if (type.HasStatusSubresource)
        {
            obj.Remove("status");
        }
        switch (type.Plural)
        {
            case "namespaces" when type.Group.Length == 0:
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "secrets" when type.Group.Length == 0:
                FoldStringData(obj);
                obj["type"] ??= "Opaque";
                break;
            case "customresourcedefinitions" when type.Group == BuiltInResourceTypes.ApiExtensionsGroup:
                var finalizers = JsonTree.Finalizers(obj);
                if (!finalizers.Contains(CustomResourceDefinitions.CleanupFinalizer))
                {
                    finalizers.Add(CustomResourceDefinitions.CleanupFinalizer);
                    JsonTree.SetFinalizers(obj, finalizers);
                }
                break;
        }
    }

    public static void PrepareForUpdate(ResourceType type, JsonObject obj, JsonObject old)
    {
        switch (type.Plural)
        {
            case "namespaces" when type.Group.Length == 0:
                obj["spec"] = old["spec"]?.DeepClone();
                break;
            case "secrets" when type.Group.Length == 0:
                FoldStringData(obj);
                break;
        }
    }

    private static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }
        var data = secret["data"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }
        secret["data"] = data;
        secret.Remove("stringData");
    }
}
