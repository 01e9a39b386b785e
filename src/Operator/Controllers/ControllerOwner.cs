using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Operator.Controllers;

/// <summary>The owner reference with <c>controller: true</c> of an object read unstructured (cached objects have <c>ControllerReference</c>).</summary>
internal static class ControllerOwner
{
    public static OwnerReference? Of(JsonObject? obj) =>
        (obj?["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Where(reference => reference["controller"]?.GetValue<bool>() == true)
            .Select(reference => new OwnerReference
            {
                ApiVersion = reference["apiVersion"]?.GetValue<string>() ?? "",
                Kind = reference["kind"]?.GetValue<string>() ?? "",
                Name = reference["name"]?.GetValue<string>() ?? "",
                Uid = reference["uid"]?.GetValue<string>() ?? "",
                Controller = true,
            })
            .FirstOrDefault();
}
