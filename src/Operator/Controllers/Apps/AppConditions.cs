namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The AppPlatform's condition types and their stable reasons.</summary>
public static class AppConditions
{
    public const string Ready = "Ready";
    public const string DataServicesReady = "DataServicesReady";
    public const string WorkloadsReady = "WorkloadsReady";
    public const string Progressing = "Progressing";
    public const string Degraded = "Degraded";

    public const string Available = "Available";
    public const string AllReady = "AllReady";
    public const string NoDataServices = "NoDataServices";
    public const string DataServicesNotReady = "DataServicesNotReady";
    public const string DependencyNotReady = "DependencyNotReady";
    public const string WorkloadsNotReady = "WorkloadsNotReady";
    public const string RolloutInProgress = "RolloutInProgress";
    public const string RolloutComplete = "RolloutComplete";
    public const string AsExpected = "AsExpected";
}
