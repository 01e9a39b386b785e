using System.Text.Json.Nodes;
using Skyforge.Kubernetes;
using Skyforge.Kubernetes.Requests;

namespace Skyforge.Operator.IntegrationTests.Runtime;

/// <summary>Writes ConfigMaps in the test namespace the way a user (or another controller) would.</summary>
internal sealed class TestConfigMaps(IKubernetesClient client)
{
    public Task CreateAsync(string name, string value = "v0") => client.CreateAsync(ResourceTypes.ConfigMaps, New(name, value));

    public Task UpdateAsync(string name, string value) =>
        client.PatchAsync(ResourceTypes.ConfigMaps, Gadgets.Namespace, name,
            KubernetesPatch.Merge(new JsonObject { ["data"] = new JsonObject { ["value"] = value } }));

    public Task DeleteAsync(string name) => client.DeleteAsync(ResourceTypes.ConfigMaps, Gadgets.Namespace, name);

    private static JsonObject New(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Gadgets.Namespace },
        ["data"] = new JsonObject { ["value"] = value },
    };
}
