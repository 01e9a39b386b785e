using System.Text.Json.Nodes;

namespace Skyforge.Operator.Controllers.Apps;

/// <summary>
/// The rollout state the controller keeps on the objects it applies (so it survives restarts and leader changes
/// and is visible with kubectl): which pod template a Deployment runs, the last one that rolled out healthily,
/// a revision that failed, canary progress and the blue/green switch time.
/// </summary>
public static class RolloutAnnotations
{
    /// <summary>Short hash of the pod template the Deployment was given.</summary>
    public const string TemplateHash = "skyforge.dev/template-hash";

    /// <summary>The last pod template that fully rolled out (JSON), the target of an automatic rollback.</summary>
    public const string HealthyTemplate = "skyforge.dev/healthy-template";

    /// <summary>Hash of a desired pod template that failed; it is not retried until the spec changes.</summary>
    public const string FailedTemplateHash = "skyforge.dev/failed-template-hash";

    /// <summary>Canary: index of the current step.</summary>
    public const string CanaryStep = "skyforge.dev/canary-step";

    /// <summary>Canary: when the current step's weight took effect (RFC 3339).</summary>
    public const string CanaryStepStartedAt = "skyforge.dev/canary-step-started-at";

    /// <summary>Canary: traffic percentage currently sent to the canary.</summary>
    public const string CanaryWeight = "skyforge.dev/canary-weight";

    /// <summary>Blue/green: when the Service last switched colour (RFC 3339), which starts the old colour's scale-down delay.</summary>
    public const string SwitchedAt = "skyforge.dev/switched-at";

    public static string? Get(JsonObject? obj, string name) =>
        (obj?["metadata"]?["annotations"] as JsonObject)?[name]?.GetValue<string>();

    public static void Set(JsonObject obj, string name, string value)
    {
        var metadata = obj["metadata"]!.AsObject();
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }
        annotations[name] = value;
    }
}
