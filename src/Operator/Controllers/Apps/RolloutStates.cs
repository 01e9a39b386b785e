namespace Skyforge.Operator.Controllers.Apps;

/// <summary>The values of <c>status.services[].rollout</c>.</summary>
public static class RolloutStates
{
    public const string Complete = "Complete";
    public const string Progressing = "Progressing";
    public const string Paused = "Paused";
    public const string RolledBack = "RolledBack";
    public const string Failed = "Failed";
    public const string Waiting = "Waiting";
}
