using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer.Selectors;

namespace Skyforge.TestKit.Workloads;

/// <summary>Which workloads a scripted <see cref="WorkloadBehavior"/> applies to.</summary>
public sealed class WorkloadMatch
{
    private readonly Func<WorkloadKind, JsonObject, bool> _predicate;

    private WorkloadMatch(string description, Func<WorkloadKind, JsonObject, bool> predicate)
    {
        Description = description;
        _predicate = predicate;
    }

    public string Description { get; }

    /// <summary>Every Deployment, StatefulSet and Job (optionally of one kind).</summary>
    public static WorkloadMatch All(WorkloadKind? kind = null) =>
        new(kind is null ? "all workloads" : $"every {kind}", (k, _) => kind is null || k == kind);

    /// <summary>One workload by namespace and name (optionally of one kind).</summary>
    public static WorkloadMatch Named(string ns, string name, WorkloadKind? kind = null) =>
        new($"{kind?.ToString() ?? "workload"} {ns}/{name}", (k, obj) =>
            (kind is null || k == kind)
            && obj["metadata"]?["namespace"]?.GetValue<string>() == ns
            && obj["metadata"]?["name"]?.GetValue<string>() == name);

    /// <summary>Workloads whose own labels match a label selector such as <c>app=web,tier!=cache</c>.</summary>
    /// <exception cref="ApiServer.Errors.ApiException">The selector does not parse.</exception>
    public static WorkloadMatch Labels(string selector)
    {
        var parsed = LabelSelector.Parse(selector);
        return new($"labels {selector}", (_, obj) => parsed.Matches(obj["metadata"]?["labels"] as JsonObject));
    }

    /// <summary>Workloads whose pod template (<c>spec.template</c>, a copy) satisfies a predicate.</summary>
    public static WorkloadMatch PodTemplate(Func<JsonObject, bool> predicate, string description = "pod template predicate") =>
        new(description, (_, obj) => obj["spec"]?["template"] is JsonObject template && predicate((JsonObject)template.DeepClone()));

    /// <summary>Workloads with a container or init container whose image contains <paramref name="fragment"/> (e.g. a tag like <c>broken</c>).</summary>
    public static WorkloadMatch ImageContains(string fragment) =>
        PodTemplate(template => Images(template).Any(image => image.Contains(fragment, StringComparison.Ordinal)), $"image contains \"{fragment}\"");

    internal bool Matches(WorkloadKind kind, JsonObject workload) => _predicate(kind, workload);

    private static IEnumerable<string> Images(JsonObject template)
    {
        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (template["spec"]?[list] is JsonArray containers)
            {
                foreach (var container in containers.OfType<JsonObject>())
                {
                    if (container["image"]?.GetValue<string>() is { } image)
                    {
                        yield return image;
                    }
                }
            }
        }
    }

    public override string ToString() => Description;
}
