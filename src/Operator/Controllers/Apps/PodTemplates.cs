using System.Text.Json.Nodes;
using Skyforge.Operator.Builders.Apps;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>Pod-template identity across the Deployments of one service.</summary>
public static class PodTemplates
{
    /// <summary>
    /// A short hash of a pod template, the same for both colours or tracks of one version (their variant labels
    /// are left out), so "the version the spec asks for" can be compared with what each Deployment runs.
    /// </summary>
    public static string Hash(JsonObject template)
    {
        var copy = template.DeepClone().AsObject();
        if (copy["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(AppNames.ColorLabel);
            labels.Remove(AppNames.TrackLabel);
        }
        return AppliedConfiguration.Hash(copy)[..10];
    }

    public static JsonObject Of(JsonObject deployment) => deployment["spec"]!["template"]!.AsObject();

    /// <summary>A copy of a built Deployment with another pod template (keeping the Deployment's own variant labels) and replica count.</summary>
    public static JsonObject With(JsonObject deployment, JsonObject? template, int? replicas)
    {
        var copy = deployment.DeepClone().AsObject();
        var spec = copy["spec"]!.AsObject();
        if (template is not null)
        {
            var variantLabels = Of(deployment)["metadata"]?["labels"]?.AsObject();
            var replacement = template.DeepClone().AsObject();
            if (replacement["metadata"]?["labels"] is JsonObject labels && variantLabels is not null)
            {
                foreach (var key in new[] { AppNames.ColorLabel, AppNames.TrackLabel })
                {
                    if (variantLabels[key] is { } value)
                    {
                        labels[key] = value.DeepClone();
                    }
                }
            }
            spec["template"] = replacement;
        }
        if (replicas is { } count)
        {
            spec["replicas"] = count;
        }
        return copy;
    }
}
