using Skyforge.Crds.V1Alpha1;

namespace Skyforge.Operator.Builders.Apps;

/// <summary>Names and labels of the objects built for an AppPlatform; the controller finds them by the same rules.</summary>
public static class AppNames
{
    public const string ColorLabel = "skyforge.dev/color";
    public const string TrackLabel = "skyforge.dev/track";
    public const string MetricsLabel = "skyforge.dev/metrics";
    public const string UsesLabelPrefix = "skyforge.dev/uses-";

    public static string ConnectionSecret(string dataServiceName, string? overrideName) => overrideName ?? $"{dataServiceName}-connection";

    public static string CanaryName(string service) => $"{service}-canary";

    public static string ColorName(string service, string color) => $"{service}-{color}";

    public static string MetricsService(string service) => $"{service}-metrics";

    /// <summary>Labels on everything built for one service of the application.</summary>
    public static SortedDictionary<string, string> ServiceLabels(AppPlatform app, string service) =>
        Manifest.Labels(service, $"{app.Metadata.Name}-{service}", service, app.Metadata.Name!);

    /// <summary>The labels that select one service's pods (stable across versions and colours).</summary>
    public static SortedDictionary<string, string> Selector(AppPlatform app, string service) => new(StringComparer.Ordinal)
    {
        [Manifest.InstanceLabel] = $"{app.Metadata.Name}-{service}",
        [Manifest.PartOfLabel] = app.Metadata.Name!,
    };

    public static ResourceIdentity Identity(AppPlatform app) =>
        new(Group.ApiVersion, "AppPlatform", app.Metadata.Namespace ?? "default", app.Metadata.Name!, app.Metadata.Uid ?? "");
}
