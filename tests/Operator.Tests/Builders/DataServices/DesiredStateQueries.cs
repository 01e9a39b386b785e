using System.Text.Json.Nodes;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Tests.Builders.DataServices;

/// <summary>Finding objects, calls and values in a built desired state.</summary>
internal static class DesiredStateQueries
{
    public static IReadOnlyList<JsonObject> OfKind(this DesiredState state, string kind) =>
        state.Objects.Where(item => (string?)item["kind"] == kind).ToList();

    public static JsonObject Single(this DesiredState state, string kind) => Assert.Single(state.OfKind(kind));

    public static JsonObject Named(this DesiredState state, string kind, string name) =>
        Assert.Single(state.OfKind(kind), item => (string?)item["metadata"]!["name"] == name);

    public static IReadOnlyList<AwsCall> Calls(this DesiredState state, string operation) =>
        state.AwsCalls.Where(call => call.Operation == operation).ToList();

    public static AwsCall Call(this DesiredState state, string operation) => Assert.Single(state.Calls(operation));

    public static IReadOnlyList<string> Operations(this DesiredState state) => state.AwsCalls.Select(call => call.Operation).ToList();

    public static IReadOnlyList<string> Kinds(this DesiredState state) => state.Objects.Select(item => (string)item["kind"]!).ToList();

    public static string Name(this JsonObject item) => (string)item["metadata"]!["name"]!;

    /// <summary>stringData of a Secret as a dictionary.</summary>
    public static Dictionary<string, string> StringData(this JsonObject secret) =>
        secret["stringData"]!.AsObject().ToDictionary(member => member.Key, member => (string)member.Value!);

    /// <summary>AWS Tags [{Key, Value}] as a dictionary.</summary>
    public static Dictionary<string, string> Tags(this AwsCall call) =>
        call.Parameters["Tags"]!.AsArray().ToDictionary(tag => (string)tag!["Key"]!, tag => (string)tag!["Value"]!);

    public static string Text(this AwsCall call, string member) => (string)call.Parameters[member]!;

    public static JsonObject PodSpec(this JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    /// <summary>Containers and init containers of a StatefulSet or Job.</summary>
    public static IReadOnlyList<JsonObject> AllContainers(this JsonObject workload)
    {
        var pod = workload.PodSpec();
        var containers = pod["containers"]!.AsArray().Select(container => container!.AsObject());
        var init = pod["initContainers"]?.AsArray().Select(container => container!.AsObject()) ?? [];
        return init.Concat(containers).ToList();
    }

    public static JsonObject Container(this JsonObject workload) => workload.PodSpec()["containers"]![0]!.AsObject();

    /// <summary>The env entry of a container by name.</summary>
    public static JsonObject Env(this JsonObject container, string name) =>
        Assert.Single(container["env"]!.AsArray(), entry => (string?)entry!["name"] == name)!.AsObject();

    /// <summary>The (secret name, key) an env var reads, or fails when it is not a secretKeyRef.</summary>
    public static (string Secret, string Key) SecretRef(this JsonObject container, string name)
    {
        var reference = container.Env(name)["valueFrom"]!["secretKeyRef"]!;
        return ((string)reference["name"]!, (string)reference["key"]!);
    }

    /// <summary>The full text of a shell script a container runs with sh -c.</summary>
    public static string Script(this JsonObject container)
    {
        var command = container["command"]!.AsArray().Select(part => (string)part!).ToList();
        Assert.Equal(["/bin/sh", "-c"], command.Take(2));
        return command[2];
    }
}
