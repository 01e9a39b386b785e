namespace Skyforge.Operator.Controllers.Apps;

/// <summary>Stable reasons of the AppPlatform's conditions and rollout events.</summary>
public static class RolloutReasons
{
    public const string RolledBack = "RolledBack";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string Switched = "Switched";
    public const string CanaryStep = "CanaryStep";
    public const string Promoted = "Promoted";
    public const string ScaledDown = "ScaledDown";
}
