using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Serialization;

namespace Skyforge.Operator.Tests.Foundation;

/// <summary>A parsed render: Kubernetes objects and AWS calls, queried by kind, name and operation.</summary>
internal sealed class Render
{
    private Render(IReadOnlyList<JsonObject> documents) => Documents = documents;

    public IReadOnlyList<JsonObject> Documents { get; }

    public IEnumerable<JsonObject> Objects => Documents.Where(d => d["kind"]?.GetValue<string>() != "AwsCall");

    public IEnumerable<JsonObject> Calls => Documents.Where(d => d["kind"]?.GetValue<string>() == "AwsCall");

    public static async Task<Render> OfSampleAsync(string sample)
    {
        var (code, stdout, stderr) = await Cli.RunAsync("render", RepoPaths.Sample(sample));
        Assert.True(code == 0, $"render {sample} failed: {stderr}");
        return new Render(YamlDocuments.Parse(stdout).Select(d => d.AsObject()).ToList());
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => o["kind"]!.GetValue<string>() == kind);

    public JsonObject Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => o["metadata"]!["name"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"no {kind} named {name}; have: {string.Join(", ", Objects.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}"))}");

    public bool Has(string kind, string name) => OfKind(kind).Any(o => o["metadata"]!["name"]!.GetValue<string>() == name);

    public IReadOnlyList<JsonObject> CallsTo(string operation) =>
        Calls.Where(c => c["operation"]!.GetValue<string>() == operation).ToList();

    public JsonObject Call(string operation, string resourceName) =>
        Calls.SingleOrDefault(c => c["operation"]!.GetValue<string>() == operation && c["metadata"]!["name"]!.GetValue<string>() == resourceName)
        ?? throw new Xunit.Sdk.XunitException($"no {operation} for {resourceName}; have: {string.Join(", ", Calls.Select(c => $"{c["operation"]}({c["metadata"]!["name"]})"))}");

    /// <summary>The first container of a Deployment or StatefulSet.</summary>
    public static JsonObject Container(JsonObject workload) => workload["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();

    /// <summary>The secretKeyRef behind an environment variable of a container.</summary>
    public static (string Secret, string Key) SecretRef(JsonObject container, string variable)
    {
        var entry = container["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == variable)!;
        var reference = entry["valueFrom"]!["secretKeyRef"]!;
        return (reference["name"]!.GetValue<string>(), reference["key"]!.GetValue<string>());
    }
}
