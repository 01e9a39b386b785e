using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>AppPlatform describes a whole application: its services, databases, caches, message buses and secrets.</summary>
[Kind("AppPlatform", "appplatforms", "app")]
[PrinterColumn(1, "Target", "string", ".spec.target", "Cluster type")]
[PrinterColumn(2, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether every service and data service is ready")]
[PrinterColumn(3, "Phase", "string", ".status.phase", "Current state")]
[PrinterColumn(4, "URL", "string", ".status.url", "Public URL")]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp", "Time since creation")]
public sealed class AppPlatform : CustomResource<AppPlatformSpec, AppPlatformStatus>
{
    public AppPlatform() => Kind = "AppPlatform";
}
